using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Luohu.Bank.Simulator.Faults;

/// <summary><c>/admin/faults</c>: read, set (PUT) and clear (DELETE) the fault switches; needs <c>X-Admin-Token</c>.</summary>
internal static class FaultEndpoints
{
    public static void MapFaultSwitches(this WebApplication app)
    {
        var admin = app.MapGroup("/admin/faults").AddEndpointFilter(async (context, next) =>
        {
            var expected = context.HttpContext.RequestServices.GetRequiredService<IOptions<BankOptions>>().Value.AdminToken ?? string.Empty;
            var given = context.HttpContext.Request.Headers["X-Admin-Token"].ToString();
            return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given))
                ? await next(context)
                : Results.Json(new BankError("ADMIN_TOKEN_INVALID", "Send the bank's admin token in X-Admin-Token."), statusCode: StatusCodes.Status401Unauthorized);
        });
        admin.MapGet("/", (FaultSwitch faults) => faults.Current);
        admin.MapPut("/", (FaultSettings settings, FaultSwitch faults, ILogger<FaultSwitch> logger) =>
        {
            if (settings.FailCount < 0 || settings.SlowCount < 0 || settings.SlowMs is < 0 or > 600_000 || settings.DropAfterCommitCount < 0)
            {
                return Results.Json(new BankError("FAULTS_INVALID", "Counts must be 0 or more and slowMs between 0 and 600000."), statusCode: StatusCodes.Status400BadRequest);
            }

            faults.Set(settings);
            BankLog.FaultsSet(logger, JsonSerializer.Serialize(settings));
            return Results.Ok(faults.Current);
        });
        admin.MapDelete("/", (FaultSwitch faults) =>
        {
            faults.Set(new FaultSettings());
            return Results.NoContent();
        });
    }
}
