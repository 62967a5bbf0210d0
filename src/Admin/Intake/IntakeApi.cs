using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Proposals;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Intake;

/// <summary>Manual intake of proposals that arrived on paper, by e-mail, at a reception, at the ЦНАП or through a Google Form.</summary>
public static class IntakeApi
{
    public static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder admin)
    {
        admin.MapPost("/proposals", CreateAsync).WithTags("Intake").WithName("RegisterProposal")
            .WithSummary("Register a proposal received outside the chats (channel Paper, Email, Reception, Cnap or GoogleForm) with the date it was received; late is computed from that date. Catalog entries by code. Text, name, phone and e-mail meet the chat's rules (text length from Hromada:Conversation, name of 2–200 characters, a Ukrainian phone number, an e-mail address); control and bidirectional characters are removed.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        return admin;
    }

    private static async Task<Results<Created<ProposalSummaryDto>, ValidationProblem>> CreateAsync(
        ManualIntake.ManualProposalInput input, ManualIntake intake, HromadaDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await intake.RegisterAsync(input, user, ct);
        if (!result.IsDone)
        {
            return CommandApiResults.Validation(result.Failure!);
        }
        var stored = await db.WithEverything().AsNoTracking().SingleAsync(x => x.Id == result.Value!.Id, ct);
        return TypedResults.Created($"/api/admin/proposals/{stored.Reference}", ProposalMapping.ToSummary(stored, user.IsAdmin()));
    }
}
