using System.Net;
using System.Net.Http.Json;
using Hromada.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Admin;

public sealed class AdminAuthTests
{
    [Fact]
    public async Task NoKey_Returns401ProblemDetails()
    {
        await using var app = new HromadaAppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/admin/consultations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Потрібен ключ адміністративного API", problem!.Title); // no Accept-Language: Ukrainian
    }

    [Fact]
    public async Task WrongKey_Returns401()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.WithKey(app, "hb_0123456789_not-a-real-key");

        var response = await client.GetAsync(new Uri("/api/admin/consultations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BootstrapKey_IsAnAdminKey_StoredOnlyAsAHash()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.GetAsync(new Uri("/api/admin/consultations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().ApiKeys.SingleAsync();
        Assert.Equal(("bootstrap", AdminRole.Admin), (key.Name, key.Role));
        Assert.DoesNotContain(HromadaAppFactory.TestAdminKey, key.Hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AdminRole.WorkingGroup, HttpStatusCode.Created)]
    [InlineData(AdminRole.Communications, HttpStatusCode.Forbidden)]
    [InlineData(AdminRole.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData(AdminRole.Admin, HttpStatusCode.Created)]
    public async Task CreatingAConsultation_IsForTheWorkingGroupAndAdmin(AdminRole role, HttpStatusCode expected)
    {
        await using var app = new HromadaAppFactory();
        using var client = await AdminClient.ForRoleAsync(app, role, role == AdminRole.Reviewer ? "sg-social" : null);

        var response = await client.PostAsJsonAsync("/api/admin/consultations", new
        {
            title = "Стратегія розвитку громади до 2030 року",
            opensAt = "2027-01-10T08:00:00+02:00",
            deadline = "2027-02-10T18:00:00+02:00",
        });

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal("This key's role may not do that", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        }
    }

    [Fact]
    public async Task KeysCommandLine_CreatesListsAndRevokes()
    {
        await using var app = new HromadaAppFactory();
        _ = app.Services;
        var output = new StringWriter();

        var created = await AdminCommandLine.RunAsync(app.Services, ["keys", "create", "--name", "secretary", "--role", "WorkingGroup"], output);
        var key = output.ToString().Trim().Split('\n')[^1].Trim();
        await AdminCommandLine.RunAsync(app.Services, ["keys", "create", "--name", "roads", "--role", "Reviewer", "--review-body", "sg-infrastructure"], new StringWriter());
        using var client = AdminClient.WithKey(app, key);
        var before = await client.GetAsync(new Uri("/api/admin/consultations", UriKind.Relative));

        var listOutput = new StringWriter();
        await AdminCommandLine.RunAsync(app.Services, ["keys", "list"], listOutput);
        var revoked = await AdminCommandLine.RunAsync(app.Services, ["keys", "revoke", "--name", "secretary"], new StringWriter());
        var after = await client.GetAsync(new Uri("/api/admin/consultations", UriKind.Relative));

        Assert.Equal(0, created);
        Assert.StartsWith("hb_", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("secretary\tWorkingGroup\t-\t", listOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("roads\tReviewer\tsg-infrastructure\t", listOutput.ToString(), StringComparison.Ordinal); // the code, not the id
        Assert.StartsWith("name\trole\treview body\t", listOutput.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, listOutput.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData(new[] { "keys", "create", "--name", "x", "--role", "Mayor" }, "Unknown role 'Mayor'")]
    [InlineData(new[] { "keys", "create", "--name", "x", "--role", "Reviewer" }, "must be bound to a review body")]
    [InlineData(new[] { "keys", "create", "--name", "x", "--role", "Reviewer", "--review-body", "nope" }, "no review body with code 'nope'")]
    [InlineData(new[] { "keys", "revoke", "--name", "ghost" }, "No active key named 'ghost'")]
    public async Task KeysCommandLine_BadInput_SaysWhatIsWrong(string[] args, string expected)
    {
        await using var app = new HromadaAppFactory();
        _ = app.Services;
        var output = new StringWriter();

        var code = await AdminCommandLine.RunAsync(app.Services, args, output);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheAdminApi()
    {
        await using var app = new HromadaAppFactory();
        using var client = app.CreateClient();

        var json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/admin/consultations/{id}/extend", json, StringComparison.Ordinal);
        Assert.Contains("\"bearer\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_MarksEveryAdminOperationAsNeedingTheKey_AndTheChatsAsNot()
    {
        await using var app = new HromadaAppFactory();
        using var client = app.CreateClient();

        using var doc = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var operations = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Operation: op.Value)))
            .ToList();
        var admin = operations.Where(o => o.Path.StartsWith("/api/admin", StringComparison.Ordinal)).ToList();
        Assert.True(admin.Count > 30, $"only {admin.Count} admin operations");
        Assert.All(admin, o =>
        {
            var security = o.Operation.GetProperty("security").EnumerateArray().Single();
            Assert.True(security.TryGetProperty("Bearer", out _), $"{o.Method} {o.Path}: {security}");
            Assert.True(o.Operation.GetProperty("responses").TryGetProperty("401", out _), $"{o.Method} {o.Path} lists no 401");
        });
        Assert.All(operations.Where(o => o.Path.StartsWith("/api/webchat", StringComparison.Ordinal)),
            o => Assert.False(o.Operation.TryGetProperty("security", out _), $"{o.Method} {o.Path} asks for a key"));
    }

    [Fact]
    public async Task OpenApiDocument_SaysWhatEveryListOfStringsHolds_AndNamesTheAnnouncementTargets()
    {
        await using var app = new HromadaAppFactory();
        using var client = app.CreateClient();

        using var doc = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var lists = doc.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(s => s.Value.TryGetProperty("properties", out _))
            .SelectMany(s => s.Value.GetProperty("properties").EnumerateObject().Select(p => (Name: $"{s.Name}.{p.Name}", Schema: p.Value)))
            .Where(p => p.Schema.TryGetProperty("items", out var items) && items.TryGetProperty("type", out var type) && type.ToString().Contains("string", StringComparison.Ordinal))
            .ToList();
        Assert.True(lists.Count > 20, $"only {lists.Count} lists of strings");
        Assert.All(lists, l => Assert.True(l.Schema.GetProperty("items").TryGetProperty("description", out var d) && d.GetString()!.Length > 0,
            $"{l.Name}: its items say nothing of what they are"));
        var targets = lists.Single(l => l.Name == "AnnouncementInput.targets").Schema.GetProperty("items").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(Enum.GetNames<Hromada.Core.Announcements.AnnouncementTarget>(), targets);
    }
}
