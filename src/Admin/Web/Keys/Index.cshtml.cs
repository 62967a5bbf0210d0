using Hromada.Admin.Auth;
using Hromada.Core.Access;
using Hromada.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Keys;

/// <summary>Admin keys: create one (its secret is shown once, on this answer only), list them, revoke one.</summary>
[Authorize(Policy = AdminPolicies.Web.Admin)]
public sealed class IndexModel(ApiKeyService keys, WebCatalogs catalogs, CommunityClock clock) : PageModel, IShowsInputErrors
{
    public sealed class KeyForm
    {
        public string? Name { get; set; }
        public AdminRole? Role { get; set; }
        public string? ReviewBody { get; set; }
    }

    [BindProperty]
    public KeyForm Input { get; set; } = new();

    [TempData]
    public string? Note { get; set; }

    public IReadOnlyList<ApiKey> All { get; private set; } = [];
    public WebCatalogs.Loaded Catalogs { get; private set; } = null!;
    public CommunityClock Clock => clock;

    /// <summary>The new key's secret: shown in this answer and never again (only its salted hash is stored).</summary>
    public (string Name, string Secret)? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await keys.TryCreateAsync(Input.Name, Input.Role, Input.Role == AdminRole.Reviewer ? Input.ReviewBody : null, User.ActorName(), ct);
            if (result.IsDone)
            {
                Created = (result.Value.Key.Name, result.Value.Secret);
                Input = new KeyForm();
            }
            else
            {
                ModelState.AddCommandErrors(result.Errors);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string name, CancellationToken ct)
    {
        Note = await keys.RevokeAsync(name, User.ActorName(), ct)
            ? $"Ключ «{name}» відкликано: ним більше не можна увійти, а відкриті ним сеанси завершено."
            : $"Діючого ключа «{name}» немає.";
        return Redirect("/admin/keys");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await keys.ListAsync(ct);
        Catalogs = await catalogs.LoadAsync(ct);
    }

    public string? Error(string key) =>
        ModelState.TryGetValue("Input." + key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
