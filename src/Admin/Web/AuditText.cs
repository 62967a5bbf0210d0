namespace Hromada.Admin.Web;

/// <summary>The audit log's actions (stored in English, as the API shows them) in the page's words.</summary>
internal static class AuditText
{
    public static string Action(string action) => action switch
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
        _ when action.StartsWith("Position of ", StringComparison.Ordinal) => $"позиція органу {action["Position of ".Length..]}",
        _ => action,
    };
}
