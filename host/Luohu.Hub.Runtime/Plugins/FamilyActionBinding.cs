using System.Reflection;
using System.Text.Json;
using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>A standard capability: a <c>[Capability]</c> method of a family interface the plugin registered.</summary>
internal sealed class FamilyActionBinding<TFamily, TInput, TOutput> : ActionBinding
    where TFamily : class
{
    private readonly Func<TFamily, TInput, CancellationToken, ValueTask<TOutput>> call;

    public FamilyActionBinding(ActionInfo info, MethodInfo method)
        : base(info)
    {
        call = method.CreateDelegate<Func<TFamily, TInput, CancellationToken, ValueTask<TOutput>>>();
    }

    public override Type InputType => typeof(TInput);

    public override Type OutputType => typeof(TOutput);

    public override object? ReadInput(JsonElement input, JsonSerializerOptions json) => input.Deserialize<TInput>(json);

    public override async Task<JsonElement> InvokeAsync(IServiceProvider services, object? input, JsonSerializerOptions json, ActionContext context, CancellationToken cancellationToken)
    {
        var family = services.GetRequiredService<TFamily>();
        var output = await call(family, (TInput)input!, cancellationToken);
        return JsonSerializer.SerializeToElement(output, json);
    }

    public override void Activate(IServiceProvider services) => services.GetRequiredService<TFamily>();
}
