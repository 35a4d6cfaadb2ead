namespace Luohu.Bank.Simulator.Faults;

/// <summary>Applies "fail" (503 before anything happens) and, except for settlements which are slow after committing, "slow".</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultSwitch faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (faults.TakeFailure())
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new BankError("BANK_UNAVAILABLE", "The bank is unavailable (fault switch)."), context.RequestAborted);
            return;
        }

        var settles = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/v1/settlements", StringComparison.Ordinal);
        if (!settles)
        {
            await faults.SlowAsync(context.RequestAborted);
        }

        await next(context);
    }
}
