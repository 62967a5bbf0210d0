using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Intake;

/// <summary><c>POST /api/admin/imports/google-forms</c>: the CSV Google Forms exports, as the request body.</summary>
public static class GoogleFormsApi
{
    public static RouteGroupBuilder MapGoogleFormsApi(this RouteGroupBuilder admin)
    {
        admin.MapPost("/imports/google-forms", ImportAsync).WithTags("Intake").WithName("ImportGoogleForms")
            .WithSummary("Send the form's CSV export as the body (Content-Type: text/csv). dryRun=true stores nothing and lists rows that cannot be mapped to the catalogs (the first 100 problems; problemsNotListed counts the rest). A file with more rows than Hromada:Admin:GoogleForms:MaxRows is refused (413). The rows are stored in one transaction: all or none. Re-importing the same file adds nothing twice. Columns are matched by Hromada:Admin:GoogleForms:Columns.")
            .RequireAuthorization(AdminPolicies.WorkingGroup)
            // The host's small body limit is raised for this endpoint only; the host's one limit (Bot's RequestBodyLimit)
            // refuses a larger declared length at once (413) and counts the bytes of a chunked body as they are read.
            .WithMetadata(new RequestSizeLimitAttribute(GoogleFormsImporter.MaxFileBytes));
        return admin;
    }

    private static async Task<Results<Ok<GoogleFormsImporter.ImportReport>, ProblemHttpResult>> ImportAsync(
        [FromQuery] bool? dryRun, [FromQuery] int? consultationId, HttpRequest request, HromadaDbContext db,
        GoogleFormsImporter importer, HttpContext http, CancellationToken ct)
    {
        var consultation = consultationId is { } id
            ? await db.Consultations.SingleOrDefaultAsync(c => c.Id == id, ct)
            : await db.Consultations.OrderByDescending(c => c.OpensAt).FirstOrDefaultAsync(ct);
        if (consultation is null)
        {
            return TypedResults.Problem(statusCode: 400, title: ApiLanguage.Pick("No such consultation", "Такої консультації немає"));
        }
        // Read row by row as the body arrives: a file past the row limit is refused before the rest of it is read.
        using var reader = new StreamReader(request.Body, detectEncodingFromByteOrderMarks: true);
        try
        {
            return TypedResults.Ok(await importer.ImportAsync(reader, dryRun == true, consultation.Id, http.User.ActorName(), ct));
        }
        catch (ImportTooLargeException ex)
        {
            return TypedResults.Problem(statusCode: 413, title: ApiLanguage.Pick("The file has too many rows", "У файлі забагато рядків"), detail: ex.Message);
        }
        catch (FormatException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: ApiLanguage.Pick("The file is not a Google Forms export this import can read", "Це не експорт Google Forms, який цей імпорт уміє читати"),
                detail: ex.Message);
        }
    }
}
