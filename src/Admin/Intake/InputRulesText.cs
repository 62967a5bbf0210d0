using Hromada.Core.Proposals;

namespace Hromada.Admin.Intake;

/// <summary>The chat's input rules (<see cref="ProposalInputRules"/>), said in Ukrainian for the web page.</summary>
internal static class InputRulesText
{
    public static string Ukrainian(string field, string english, ProposalInputRules rules) => field switch
    {
        ProposalInput.Fields.Text => english.Contains("empty", StringComparison.Ordinal)
            ? "Введіть текст пропозиції."
            : $"Текст пропозиції — від {rules.TextMinLength} до {rules.TextMaxLength} символів.",
        ProposalInput.Fields.AuthorName => $"Імʼя — від {ProposalInputRules.NameMinLength} до {ProposalInputRules.NameMaxLength} символів.",
        ProposalInput.Fields.AuthorPhone => "Це не український номер телефону: +380XXXXXXXXX або 0XXXXXXXXX.",
        ProposalInput.Fields.AuthorEmail => "Це не адреса електронної пошти.",
        ProposalInput.Fields.UnlistedSettlement =>
            $"Назва населеного пункту — від {ProposalInputRules.SettlementNameMinLength} до {ProposalInputRules.SettlementNameMaxLength} символів.",
        _ => "Перевірте це поле.",
    };
}
