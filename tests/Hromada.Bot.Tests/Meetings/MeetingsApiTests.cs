using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Reports;
using Hromada.Core.Access;
using Hromada.Core.Proposals;
using Microsoft.AspNetCore.Mvc;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Hromada.Bot.Tests.Meetings;

/// <summary>The secretary records the working group's meetings; the protocol comes out as a DOCX in the procedure's form.</summary>
public sealed class MeetingsApiTests
{
    private static readonly string[] Nine =
    [
        "Коваленко О. П.", "Шевчук Н. І.", "Мельник І. В.", "Бондар А. М.", "Ткаченко С. О.", "Кравчук В. П.", "Лисенко О. А.", "Гончаренко Д. С.",
        "Савчук М. І.",
    ];

    internal static object Meeting(string number = "3", int present = 6, object[]? items = null, object? sufficiency = null, int? version = null,
        string date = "2026-11-02") => new
    {
        number,
        date,
        startsAt = "10:00",
        place = "Зала засідань сільської ради",
        chair = "Коваленко О. П.",
        secretary = "Мельник І. В.",
        present = Nine.Take(present).ToArray(),
        absent = Nine.Skip(present).ToArray(),
        invited = new[] { "Петренко Ю. В. — староста Камʼянського старостинського округу" },
        items = items ??
        [
            new { kind = "Sufficiency", title = "Про достатність і репрезентативність пропозицій", heard = "Мельник І. В. — про пропозиції, що надійшли",
                decision = (string?)null, votesFor = 5, votesAgainst = 1, votesAbstained = 0 },
            new { kind = "Decisions", title = "Про розгляд пропозицій", heard = "Голів підгруп про їхні позиції", decision = (string?)null,
                votesFor = 6, votesAgainst = 0, votesAbstained = 0 },
        ],
        sufficiency = sufficiency ?? new { decision = "Sufficient" },
        version,
    };

    private static async Task<JsonElement> RecordAsync(HttpClient client, object meeting)
    {
        var response = await client.PostAsJsonAsync("/api/admin/meetings", meeting);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Meeting_IsRecordedWithItsQuorum_AndListsTheProposalsDecidedAtIt()
    {
        await using var app = new HromadaAppFactory();
        var road = await ReportSeed.AddAsync(app);
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        var meeting = await RecordAsync(client, Meeting());
        var decision = await client.PostAsJsonAsync($"/api/admin/proposals/{road.Reference}/decision", new
        {
            outcome = "Accepted", justification = "Включено до програми", protocolNumber = "3", protocolDate = "2026-11-02",
        });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);

        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/admin/meetings/{meeting.GetProperty("id").GetInt32()}");

        var quorum = stored.GetProperty("quorum");
        Assert.Equal(6, quorum.GetProperty("present").GetInt32());
        Assert.Equal(9, quorum.GetProperty("members").GetInt32());
        Assert.True(quorum.GetProperty("hasQuorum").GetBoolean());
        Assert.Equal(2, stored.GetProperty("items").GetArrayLength());
        Assert.Equal(5, stored.GetProperty("items")[0].GetProperty("vote").GetProperty("for").GetInt32());
        var decided = stored.GetProperty("decided").EnumerateArray().Single();
        Assert.Equal(road.Reference, decided.GetProperty("reference").GetString());
        Assert.Equal("Accepted", decided.GetProperty("outcome").GetString());
        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/admin/meetings")).EnumerateArray().Single();
        Assert.Equal(1, listed.GetProperty("decided").GetInt32());
    }

    [Fact]
    public async Task AVote_ThatAddsUpToMoreThanTheMembersPresent_IsRefused_NamingTheField()
    {
        await using var app = new HromadaAppFactory();
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var response = await client.PostAsJsonAsync("/api/admin/meetings", Meeting(present: 5, items:
        [
            new { kind = "General", title = "Про план роботи", votesFor = 5, votesAgainst = 0, votesAbstained = 0 },
            new { kind = "General", title = "Різне", votesFor = 4, votesAgainst = 1, votesAbstained = 1 },
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["items[1].votes"], problem!.Errors.Keys);
        Assert.Contains("more than the 5 members present", problem.Errors["items[1].votes"][0], StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/admin/meetings")).EnumerateArray());
    }

    [Theory]
    [InlineData("number", "")]
    [InlineData("startsAt", "25:00")]
    [InlineData("present", "")]
    public async Task AMeeting_MissingWhatTheProtocolNeeds_Is400NamingTheField(string field, string value)
    {
        await using var app = new HromadaAppFactory();
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        var body = JsonSerializer.SerializeToNode(Meeting())!.AsObject();
        body[field] = field == "present" ? new System.Text.Json.Nodes.JsonArray() : value;

        var response = await client.PostAsJsonAsync("/api/admin/meetings", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Fact]
    public async Task TheSameProtocolNumberTwice_Is400()
    {
        await using var app = new HromadaAppFactory();
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        await RecordAsync(client, Meeting("4"));

        var response = await client.PostAsJsonAsync("/api/admin/meetings", Meeting("4"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["number"], (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Fact]
    public async Task Extending_AtAMeeting_MovesTheDeadline_AndTheExtensionCarriesTheMeetingsReasonsAndMeasures()
    {
        await using var app = new HromadaAppFactory();
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        var consultation = (await client.GetFromJsonAsync<JsonElement>("/api/admin/consultations"))[0];
        var deadline = consultation.GetProperty("deadline").GetDateTimeOffset();

        var meeting = await RecordAsync(client, Meeting(sufficiency: new
        {
            decision = "Extend",
            lowActivityReasons = "Мешканці старостинських округів не знали про збір пропозицій",
            measures = new[] { "starostas", "business-letters" },
            otherMeasures = "Оголошення в місцевій газеті",
            newDeadline = deadline.AddDays(14),
        }));

        var sufficiency = meeting.GetProperty("sufficiency");
        Assert.Equal("Extend", sufficiency.GetProperty("decision").GetString());
        Assert.Equal(["business-letters", "starostas"], sufficiency.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("code").GetString()!));
        Assert.Equal(deadline.AddDays(14), sufficiency.GetProperty("extension").GetProperty("newDeadline").GetDateTimeOffset());
        var extended = await client.GetFromJsonAsync<JsonElement>($"/api/admin/consultations/{consultation.GetProperty("id").GetInt32()}");
        Assert.Equal(deadline.AddDays(14), extended.GetProperty("deadline").GetDateTimeOffset());
        var extension = extended.GetProperty("extensions")[0];
        Assert.Equal("Мешканці старостинських округів не знали про збір пропозицій", extension.GetProperty("reason").GetString());
        Assert.Equal("3", extension.GetProperty("protocolNumber").GetString());
        Assert.Equal(meeting.GetProperty("id").GetInt32(), extension.GetProperty("meeting").GetInt32());
    }

    [Fact]
    public async Task Extending_WithoutTheReasons_IsRefused()
    {
        await using var app = new HromadaAppFactory();
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var response = await client.PostAsJsonAsync("/api/admin/meetings", Meeting(sufficiency: new { decision = "Extend", measures = new[] { "no-such" } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["sufficiency.lowActivityReasons", "sufficiency.measures"],
            (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Order());
    }

    [Fact]
    public async Task ADecision_NamingAMeeting_TakesItsProtocolNumberAndDate()
    {
        await using var app = new HromadaAppFactory();
        var road = await ReportSeed.AddAsync(app);
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        var meeting = await RecordAsync(client, Meeting("5"));

        var response = await client.PostAsJsonAsync($"/api/admin/proposals/{road.Reference}/decision",
            new { outcome = "Rejected", justification = "Не належить до повноважень громади", meeting = meeting.GetProperty("id").GetInt32() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decision = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("5", decision.GetProperty("protocolNumber").GetString());
        Assert.Equal("2026-11-02", decision.GetProperty("protocolDate").GetString());
        var unknown = await client.PostAsJsonAsync($"/api/admin/proposals/{road.Reference}/decision",
            new { outcome = "Rejected", justification = "—", meeting = 99 });
        Assert.Equal(["meeting"], (await unknown.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Fact]
    public async Task Protocol_PassesTheOpenXmlValidator_WithAttendanceQuorumVotes_TheStatistics_AndEveryProposalDecidedAtTheMeeting()
    {
        await using var app = new HromadaAppFactory();
        var road = await ReportSeed.AddAsync(app, text: "Відремонтувати дорогу до школи", outcome: DecisionOutcome.PartiallyAccepted);
        var lights = await ReportSeed.AddAsync(app, text: "Встановити ліхтарі на вулиці Садовій", outcome: DecisionOutcome.Rejected);
        var undecided = await ReportSeed.AddAsync(app, text: "Облаштувати зупинку");
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        // ReportSeed decides at protocol 12 of 20.11.2026.
        var meeting = await RecordAsync(client, Meeting("12", date: "2026-11-20"));
        var representation = await client.GetFromJsonAsync<JsonElement>("/api/admin/reports/representation?to=2026-11-20");

        var response = await client.GetAsync(new Uri($"/api/admin/meetings/{meeting.GetProperty("id").GetInt32()}/protocol.docx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal("", string.Join("\n", new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}")));
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("ПРОТОКОЛ № 12", paragraphs);
        Assert.Contains("ЗЕЛЕНОДІЛЬСЬКА СІЛЬСЬКА РАДА", paragraphs);
        Assert.Contains("Присутні члени робочої групи (6):", paragraphs);
        Assert.Contains("– Коваленко О. П.", paragraphs);
        Assert.Contains("Відсутні члени робочої групи (3):", paragraphs);
        Assert.Contains(paragraphs, p => p.Contains("Гончаренко Д. С.", StringComparison.Ordinal) && p.Contains("Савчук М. І.", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("Петренко Ю. В.", StringComparison.Ordinal));
        Assert.Contains("На засіданні присутні: 6 з 9 членів робочої групи. Кворум є, засідання правомочне.", paragraphs);
        Assert.Contains("ГОЛОСУВАЛИ: «за» — 5, «проти» — 1, «утрималися» — 0.", paragraphs);
        Assert.Contains("ГОЛОСУВАЛИ: «за» — 6, «проти» — 0, «утрималися» — 0.", paragraphs);
        Assert.Contains(representation.GetProperty("statistics").GetString(), paragraphs);
        foreach (var gap in representation.GetProperty("gaps").EnumerateArray())
        {
            Assert.Contains("– " + gap.GetString(), paragraphs);
        }
        Assert.Contains("Визнати пропозиції, що надійшли, достатніми та репрезентативними і перейти до їх розгляду.", paragraphs);
        var rows = body.Elements<W.Table>().Single().Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["№", "Номер", "Зміст пропозиції", "Рішення", "Обґрунтування"], rows[0]);
        Assert.Equal(["1", road.Reference, "Відремонтувати дорогу до школи", "Врахувати частково", "Включено до програми на 2027 рік"], rows[1]);
        Assert.Equal(["2", lights.Reference, "Встановити ліхтарі на вулиці Садовій", "Не враховувати", "Включено до програми на 2027 рік"], rows[2]);
        Assert.Equal(3, rows.Count);
        Assert.DoesNotContain(undecided.Reference, body.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain("Олена Петренко", body.InnerText, StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => p.StartsWith("Голова робочої групи", StringComparison.Ordinal) && p.EndsWith("Коваленко О. П.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMeetingWithoutQuorum_IsRecordedAsSuch_AndTheProtocolSaysSo()
    {
        await using var app = new HromadaAppFactory();
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var meeting = await RecordAsync(client, Meeting(present: 4, items:
            [new { kind = "General", title = "Про перенесення засідання", votesFor = 4, votesAgainst = 0, votesAbstained = 0 }]));

        Assert.False(meeting.GetProperty("quorum").GetProperty("hasQuorum").GetBoolean());
        var bytes = await client.GetByteArrayAsync(new Uri($"/api/admin/meetings/{meeting.GetProperty("id").GetInt32()}/protocol.docx", UriKind.Relative));
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Contains("На засіданні присутні: 4 з 9 членів робочої групи. Кворуму немає: засідання неправомочне ухвалювати рішення.",
            document.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public async Task Meetings_AreForTheWorkingGroup()
    {
        await using var app = new HromadaAppFactory();
        using var reviewer = await AdminClient.ForRoleAsync(app, AdminRole.Reviewer, "sg-social");
        using var communications = await AdminClient.ForRoleAsync(app, AdminRole.Communications);

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync(new Uri("/api/admin/meetings", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await communications.PostAsJsonAsync("/api/admin/meetings", Meeting())).StatusCode);
    }
}
