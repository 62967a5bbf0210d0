using System.Globalization;
using System.Text;
using Hromada.Admin.Commands;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Hromada.Admin.Web;

/// <summary>How a page's form shows what is wrong: beside each field, in Ukrainian, with what the user typed kept.</summary>
internal static class WebForms
{
    /// <summary>
    /// Puts a command's field errors into the page's model state under the form's names: the API's <c>protocolDate</c>
    /// becomes <c>{prefix}.ProtocolDate</c>, <c>items[2].justification</c> becomes <c>{prefix}.Items[2].Justification</c>.
    /// </summary>
    public static void AddCommandErrors(this ModelStateDictionary state, FieldErrors errors, string prefix = "Input", IReadOnlyDictionary<string, string>? rename = null)
    {
        foreach (var e in errors.All)
        {
            var field = rename is not null && rename.TryGetValue(e.Field, out var renamed) ? renamed : FormName(e.Field);
            state.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", e.Ukrainian);
        }
    }

    /// <summary><c>items[2].justification</c> → <c>Items[2].Justification</c>.</summary>
    public static string FormName(string apiField)
    {
        var name = new StringBuilder(apiField.Length);
        var start = true;
        foreach (var c in apiField)
        {
            name.Append(start ? char.ToUpperInvariant(c) : c);
            start = c is '.';
        }
        return name.ToString();
    }

    /// <summary>Binding's own messages (a date that is not a date …), in Ukrainian.</summary>
    public static void UseUkrainianBindingMessages(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"«{value}» — неправильне значення.");
        messages.SetValueIsInvalidAccessor(value => $"«{value}» — неправильне значення.");
        messages.SetValueMustBeANumberAccessor(_ => "Тут має бути число.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Заповніть це поле.");
        messages.SetMissingKeyOrValueAccessor(() => "Заповніть це поле.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Форма надійшла порожньою.");
        messages.SetValueMustNotBeNullAccessor(_ => "Заповніть це поле.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"«{value}» — неправильне значення.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Неправильне значення.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Тут має бути число.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Неправильне значення.");
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
