using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Reports;
using Hromada.Core.Access;

namespace Hromada.Bot.Tests.Reviews;

/// <summary>Routing by sphere: the review bodies configured for a sphere get its proposals, after a preview that stores nothing.</summary>
public sealed class SphereRoutingTests
{
    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(x => x.GetString()!).ToList();

    private static Dictionary<string, List<string>> ByBody(JsonElement plan) =>
        plan.GetProperty("byBody").EnumerateArray().ToDictionary(b => b.GetProperty("code").GetString()!, b => Strings(b.GetProperty("references")));

    [Fact]
    public async Task Preview_PutsEachUnroutedProposalUnderTheBodiesConfiguredForItsSphere_AndStoresNothing()
    {
        await using var app = new HromadaAppFactory();
        var road = await ReportSeed.AddAsync(app, sphere: "infrastructure");
        var school = await ReportSeed.AddAsync(app, sphere: "social");
        var other = await ReportSeed.AddAsync(app, sphere: "other");
        var routed = await ReportSeed.AddAsync(app, sphere: "infrastructure", route: "finance-dept");
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var response = await client.PostAsJsonAsync("/api/admin/routing/by-sphere", new { dryRun = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var plan = result.GetProperty("plan");
        Assert.True(result.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, plan.GetProperty("proposals").GetInt32());
        var byBody = ByBody(plan);
        // The shipped catalog: roads go to the infrastructure subgroup; the social sphere to its subgroup and the education department.
        Assert.Equal(["sg-social", "sg-infrastructure", "education-dept"], byBody.Keys);
        Assert.Equal([road.Reference], byBody["sg-infrastructure"]);
        Assert.Equal([school.Reference], byBody["sg-social"]);
        Assert.Equal([school.Reference], byBody["education-dept"]);
        Assert.DoesNotContain(routed.Reference, byBody.Values.SelectMany(x => x));
        var manual = plan.GetProperty("withoutBody").EnumerateArray().Single();
        Assert.Equal("other", manual.GetProperty("code").GetString());
        Assert.Equal([other.Reference], Strings(manual.GetProperty("references")));
        // Ten working days from Monday 2 November 2026 (Hromada:Review:DueWorkingDays).
        Assert.Equal("2026-11-16", plan.GetProperty("dueDate").GetString());

        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{road.Reference}");
        Assert.Equal(0, stored.GetProperty("routes").GetArrayLength());
    }

    [Fact]
    public async Task Route_GivesEveryUnroutedProposalToItsSpheresBodies_WithTheDueDate_AndLeavesTheRestAlone()
    {
        await using var app = new HromadaAppFactory();
        var road = await ReportSeed.AddAsync(app, sphere: "infrastructure");
        var school = await ReportSeed.AddAsync(app, sphere: "social");
        var other = await ReportSeed.AddAsync(app, sphere: "other");
        var routed = await ReportSeed.AddAsync(app, sphere: "infrastructure", route: "finance-dept");
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var response = await client.PostAsJsonAsync("/api/admin/routing/by-sphere", new { dueDate = "2026-11-20" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([road.Reference, school.Reference], Strings(result.GetProperty("routed")).Order());
        async Task<List<(string Body, string Due)>> RoutesOf(string reference) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{reference}")).GetProperty("routes").EnumerateArray()
                .Select(r => (r.GetProperty("reviewBody").GetProperty("code").GetString()!, r.GetProperty("dueDate").GetString()!)).ToList();
        Assert.Equal([("sg-infrastructure", "2026-11-20")], await RoutesOf(road.Reference));
        Assert.Equal([("sg-social", "2026-11-20"), ("education-dept", "2026-11-20")], await RoutesOf(school.Reference));
        Assert.Empty(await RoutesOf(other.Reference));
        Assert.Equal([("finance-dept", "2026-11-10")], await RoutesOf(routed.Reference));
    }

    [Fact]
    public async Task Route_WithTheReferencesPreviewed_RoutesOnlyThose_AndSkipsOnesRoutedMeanwhile()
    {
        await using var app = new HromadaAppFactory();
        var first = await ReportSeed.AddAsync(app, sphere: "infrastructure");
        var meanwhile = await ReportSeed.AddAsync(app, sphere: "infrastructure");
        var later = await ReportSeed.AddAsync(app, sphere: "agro");
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        // Someone routes one by hand after the preview was shown.
        var byHand = await client.PostAsJsonAsync("/api/admin/proposals/bulk/routes",
            new { references = new[] { meanwhile.Reference }, reviewBodies = new[] { "finance-dept" }, dueDate = "2026-11-12" });
        Assert.Equal(HttpStatusCode.OK, byHand.StatusCode);

        var response = await client.PostAsJsonAsync("/api/admin/routing/by-sphere",
            new { references = new[] { first.Reference, meanwhile.Reference } });

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([first.Reference], Strings(result.GetProperty("routed")));
        Assert.Equal([meanwhile.Reference], Strings(result.GetProperty("skipped")));
        var notRouted = await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{later.Reference}");
        Assert.Equal(0, notRouted.GetProperty("routes").GetArrayLength());
    }

    [Fact]
    public async Task ProposalDetails_SuggestTheBodiesThatReviewItsSphere()
    {
        await using var app = new HromadaAppFactory();
        var school = await ReportSeed.AddAsync(app, sphere: "social");
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var details = await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{school.Reference}");

        Assert.Equal(["sg-social", "education-dept"],
            details.GetProperty("suggestedReviewBodies").EnumerateArray().Select(b => b.GetProperty("code").GetString()!).ToList());
    }

    [Fact]
    public async Task RouteBySphere_IsForTheWorkingGroup_AndAnUnknownConsultationIs404()
    {
        await using var app = new HromadaAppFactory();
        using var reviewer = await AdminClient.ForRoleAsync(app, AdminRole.Reviewer, "sg-social");
        using var group = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync("/api/admin/routing/by-sphere", new { dryRun = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await group.PostAsJsonAsync("/api/admin/routing/by-sphere", new { consultation = 99, dryRun = true })).StatusCode);
    }
}
