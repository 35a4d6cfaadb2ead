using Luohu.Bank.Simulator.Api;
using Luohu.Bank.Simulator.Faults;
using Luohu.Bank.Simulator.Signing;
using Luohu.Bank.Simulator.Store;
using Microsoft.Extensions.Options;

namespace Luohu.Bank.Simulator;

/// <summary>The bank's composition: partner API under <c>/v1</c> (signed), fault switches under <c>/admin</c>.</summary>
internal static class BankSimulator
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var section = builder.Configuration.GetSection(BankOptions.SectionName);
        builder.Services.AddOptions<BankOptions>().Bind(section)
            .Validate(o => o.Partners.Values.All(s => s.Length >= 32), "Bank:Partners: every partner secret must have at least 32 characters.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new BankStore(
            Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<BankOptions>>().Value.DataPath, builder.Environment.ContentRootPath), "bank.db")));
        builder.Services.AddSingleton<FaultSwitch>();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.Services.GetRequiredService<BankStore>().Initialize();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal), v1 =>
        {
            v1.UseMiddleware<PartnerSignatureMiddleware>();
            v1.UseMiddleware<FaultMiddleware>();
        });
        var partner = app.MapGroup("/v1");
        partner.MapAssessments();
        partner.MapSettlements();
        partner.MapGet("/ping", (TimeProvider time) => new { status = "ok", time = time.GetUtcNow() });
        if (!string.IsNullOrEmpty(section["AdminToken"]))
        {
            app.MapFaultSwitches();
        }

        return app;
    }
}
