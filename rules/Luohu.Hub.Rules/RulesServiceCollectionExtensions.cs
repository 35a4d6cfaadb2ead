using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Rules;

/// <summary>Registers the rules library.</summary>
public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ScriptSandbox"/>, <see cref="WorkflowEngine"/> and <see cref="WorkflowValidator"/> as singletons,
    /// <see cref="TimeProvider.System"/> unless a clock is registered, and binds <see cref="RulesOptions"/> from
    /// <paramref name="section"/> (e.g. <c>configuration.GetSection("Rules")</c>). Custom RulesEngine actions are
    /// added to <see cref="RulesOptions.CustomActions"/>.
    /// </summary>
    public static IServiceCollection AddHubRules(this IServiceCollection services, IConfiguration? section = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RulesOptions>();
        if (section is not null)
        {
            services.Configure<RulesOptions>(options => section.Bind(options));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ScriptSandbox(
            provider.GetRequiredService<IOptions<RulesOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ScriptSandbox>>()));
        services.TryAddSingleton(provider => new WorkflowEngine(
            provider.GetRequiredService<ScriptSandbox>(),
            provider.GetRequiredService<IOptions<RulesOptions>>()));
        services.TryAddSingleton(provider => new WorkflowValidator(
            provider.GetRequiredService<ScriptSandbox>(),
            provider.GetRequiredService<WorkflowEngine>()));
        return services;
    }
}
