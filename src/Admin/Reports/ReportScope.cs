using System.Globalization;
using Hromada.Admin.Commands;
using Hromada.Core.Consultations;
using Hromada.Core.Reports;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Reports;

/// <summary>The query string every report takes: consultation (id; the latest one if absent), from and to (local dates).</summary>
internal sealed record ReportScope(Consultation Consultation, ReportPeriod Period)
{
    /// <summary>Parses the query; an error is a 400 naming the field or a 404 naming the consultation.</summary>
    public static async Task<(ReportScope? Scope, IResult? Error)> ParseAsync(
        HromadaDbContext db, string? consultation, string? from, string? to, CancellationToken ct)
    {
        var errors = new FieldErrors();
        int? id = null;
        if (!string.IsNullOrWhiteSpace(consultation))
        {
            if (int.TryParse(consultation, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                id = parsed;
            }
            else
            {
                errors.Add("consultation", $"'{consultation}' is not a consultation id (a whole number; see GET /api/admin/consultations).",
                    $"«{consultation}» — не номер консультації (ціле число; див. GET /api/admin/consultations).");
            }
        }
        var (start, end) = ParsePeriod(from, to, errors);
        if (errors.Any)
        {
            return (null, TypedResults.ValidationProblem(errors.ToApi(), title: ApiLanguage.Pick("The report request is not valid", "Запит звіту неправильний")));
        }

        var found = id is { } wanted
            ? await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == wanted, ct)
            : await db.Consultations.AsNoTracking().OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return (null, TypedResults.NotFound(new ProblemDetails
            {
                Status = 404,
                Title = ApiLanguage.Pick("No such consultation", "Такої консультації немає"),
                Detail = id is { } missing
                    ? ApiLanguage.Pick($"There is no consultation {missing}.", $"Консультації {missing} немає.")
                    : ApiLanguage.Pick("There is no consultation yet.", "Консультації ще немає."),
            }));
        }
        return (new ReportScope(found, new ReportPeriod(start, end)), null);
    }

    /// <summary>Parses from/to as yyyy-MM-dd; an unparseable value or to before from is an error under that field's name.</summary>
    public static (DateOnly? From, DateOnly? To) ParsePeriod(string? from, string? to, FieldErrors errors)
    {
        var start = ParseDate("from", from, errors);
        var end = ParseDate("to", to, errors);
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add("to", $"'to' ({e:yyyy-MM-dd}) is before 'from' ({s:yyyy-MM-dd}).", $"«to» ({e:yyyy-MM-dd}) раніше за «from» ({s:yyyy-MM-dd}).");
        }
        return (start, end);
    }

    private static DateOnly? ParseDate(string field, string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (InputBounds.InRange(date))
            {
                return date;
            }
            errors.Add(field, $"{date:yyyy-MM-dd} is outside the years {InputBounds.FirstYear}–{InputBounds.LastYear}; check the date.",
                $"{date:yyyy-MM-dd} поза роками {InputBounds.FirstYear}–{InputBounds.LastYear}; перевірте дату.");
            return null;
        }
        errors.Add(field, $"'{value}' is not a date; write it as YYYY-MM-DD (the hromada's local date).",
            $"«{value}» — не дата; пишіть РРРР-ММ-ДД (місцева дата громади).");
        return null;
    }
}
