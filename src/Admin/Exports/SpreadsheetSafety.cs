namespace Hromada.Admin.Exports;

/// <summary>
/// Formula injection (OWASP, "CSV Injection"): a cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or
/// a carriage return is a formula to Excel and LibreOffice — a proposal text, a name or a phone number <c>+380…</c>
/// typed by anyone. In CSV such a value is prefixed with <c>'</c>, which a spreadsheet reads as "this is text"; in
/// XLSX every value is an inline string, and these ones carry Excel's own quote-prefix style as well, so the text
/// stays exactly as typed (a phone keeps its <c>+</c>) and editing the cell cannot turn it into a formula.
/// </summary>
internal static class SpreadsheetSafety
{
    /// <summary>Excel's limit on the characters in one cell; a longer value would make Excel repair the file.</summary>
    public const int MaxCellLength = 32767;

    public static bool LooksLikeFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The value as a CSV field should carry it: prefixed with <c>'</c> when a spreadsheet would take it for a formula.</summary>
    public static string ForCsv(string value) => LooksLikeFormula(value) ? "'" + value : value;

    public static string Fit(string value) => value.Length <= MaxCellLength ? value : string.Concat(value.AsSpan(0, MaxCellLength - 1), "…");
}
