namespace Hromada.Admin.Web;

/// <summary>The audit log's actions (stored in English, as the API shows them) in the page's words.</summary>
internal static class AuditText
{
    /// <summary>The action in Ukrainian; <paramref name="body"/> names a review body by its code (the catalog's label).</summary>
    public static string Action(string action, Func<string, string>? body = null) => action switch
    {
        "Received" => "надійшла",
        "Reclassified" => "змінено класифікацію",
        "Flags changed" => "змінено позначки",
        "Routed" => "передано на розгляд",
        "Decided" => "ухвалено рішення",
        "Text hidden from the public pages" => "текст приховано на публічній сторінці результатів",
        "Text shown on the public pages" => "текст знову показано на публічній сторінці результатів",
        "Results published" => "результати оприлюднено",
        "Results withdrawn" => "результати знято з оприлюднення",
        "Author's personal data erased on request" => "персональні дані автора стерто на його запит",
        "Personal data erased at the author's request" => "мешканець стер свої дані в чаті",
        "Created" => "створено",
        "Edited" => "змінено",
        "Changed" => "змінено",
        "Recorded" => "записано",
        "Removed" => "вилучено",
        "Cancelled" => "скасовано",
        "Revoked" => "відкликано",
        "Extended" => "продовжено строк",
        "Closed" => "прийом пропозицій закрито",
        "Reopened" => "прийом пропозицій знову відкрито",
        "Contacts" => "змінено контакти",
        "Letter sent" => "надіслано лист",
        "Exported with personal data" => "вивантажено з персональними даними",
        "Interim report sent to review bodies" => "проміжний звіт надіслано органам розгляду",
        _ when action.StartsWith("Position of ", StringComparison.Ordinal) => $"позиція органу «{(body ?? (code => code))(action["Position of ".Length..])}»",
        _ => action,
    };
}
