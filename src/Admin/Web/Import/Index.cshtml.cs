using System.Text;
using Hromada.Admin.Auth;
using Hromada.Admin.Intake;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Import;

/// <summary>
/// The Google Forms import: upload the form's CSV export, see the dry run (what would be imported, what is skipped and
/// why), then import. Importing the same file again adds nothing.
/// </summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
[RequestSizeLimit(GoogleFormsImporter.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = GoogleFormsImporter.MaxFileBytes)]
public sealed class IndexModel(GoogleFormsImporter importer, PendingImports pending, WebCatalogs catalogs) : PageModel
{
    [BindProperty]
    public int? ConsultationId { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    public string? FileName { get; private set; }
    public GoogleFormsImporter.ImportReport? Report { get; private set; }
    public string? FileError { get; private set; }
    public WebCatalogs.Loaded Catalogs { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Catalogs = await catalogs.LoadAsync(ct);
        ConsultationId ??= Catalogs.Consultations.Count > 0 ? Catalogs.Consultations[0].Id : null;
    }

    /// <summary>The dry run: nothing is stored; the file waits for the import.</summary>
    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, CancellationToken ct)
    {
        Catalogs = await catalogs.LoadAsync(ct);
        if (file is null || file.Length == 0)
        {
            FileError = "Виберіть файл CSV, який експортує Google-форма («Завантажити відповіді (.csv)»).";
            return Page();
        }
        string csv;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true))
        {
            try
            {
                csv = await reader.ReadToEndAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                FileError = "Файл не в кодуванні UTF-8. Експортуйте відповіді з Google-форми ще раз (вона дає UTF-8).";
                return Page();
            }
        }
        FileName = file.FileName;
        if (await RunAsync(csv, dryRun: true, ct) is { } problem)
        {
            return problem;
        }
        Token = pending.Keep(User.ActorName(), csv);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        Catalogs = await catalogs.LoadAsync(ct);
        if (pending.Find(User.ActorName(), Token) is not { } csv)
        {
            FileError = "Перевірений файл уже не зберігається (минуло понад 30 хвилин або службу перезапущено). Виберіть його ще раз.";
            Token = null;
            return Page();
        }
        if (await RunAsync(csv, dryRun: false, ct) is { } problem)
        {
            return problem;
        }
        pending.Forget(User.ActorName(), Token!);
        Token = null;
        return Page();
    }

    private async Task<IActionResult?> RunAsync(string csv, bool dryRun, CancellationToken ct)
    {
        if (ConsultationId is not { } consultation || Catalogs.Consultations.All(c => c.Id != consultation))
        {
            FileError = "Оберіть консультацію.";
            return Page();
        }
        try
        {
            Report = await importer.ImportAsync(csv, dryRun, consultation, User.ActorName(), ct);
            return null;
        }
        catch (ImportFileException ex)
        {
            FileError = ex.Ukrainian;
            return Page();
        }
    }
}
