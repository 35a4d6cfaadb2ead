using Luohu.Hub.Host.Security;
using Luohu.Hub.Runtime.Flows;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// <c>/api/v1/dead-letters</c>: messages a node failed on with no catch node to take them; each caller sees those of
/// the flows they may read (<see cref="DepartmentScope"/>).
/// </summary>
internal static class DeadLettersEndpoints
{
    private const int MaxTake = 1000;

    public static RouteGroupBuilder MapDeadLettersApi(this RouteGroupBuilder api)
    {
        var letters = api.MapGroup("/dead-letters").WithTags("Dead letters");
        letters.MapGet("/", (string? flowId, string? state, int? skip, int? take, HttpContext context, DepartmentScope scope, CancellationToken ct) =>
            {
                if (skip < 0 || take is < 1 or > MaxTake)
                {
                    throw new ApiBadRequestException("Invalid paging", $"skip must be 0 or more and take between 1 and {MaxTake}.");
                }

                return scope.ListDeadLettersAsync(Caller.From(context), flowId, state, skip ?? 0, take ?? 100, ct);
            })
            .WithSummary("Newest first; filter by ?flowId= and ?state=pending|replayed|discarded, page with ?skip=&take=.");
        letters.MapGet("/{id}", async (string id, HttpContext context, DepartmentScope scope, CancellationToken ct) =>
            await scope.GetDeadLetterAsync(Caller.From(context), id, ct) ?? throw DepartmentScope.NotFound(id));
        letters.MapPost("/{id}/replay", async (string id, HttpContext context, DepartmentScope scope, IDeadLetterService service, CancellationToken ct) =>
                await scope.CheckDeadLetterChangeAsync(Caller.From(context), id, ct)
                    ?? TypedResults.Accepted((string?)null, new { messageId = await service.ReplayAsync(id, ct) }))
            .WithSummary("Sends the message again into the same node of the flow's deployed version.");
        letters.MapPost("/{id}/discard", async (string id, HttpContext context, DepartmentScope scope, IDeadLetterService service, CancellationToken ct) =>
        {
            if (await scope.CheckDeadLetterChangeAsync(Caller.From(context), id, ct) is { } denied)
            {
                return denied;
            }

            await service.DiscardAsync(id, ct);
            return TypedResults.NoContent();
        });
        return api;
    }
}
