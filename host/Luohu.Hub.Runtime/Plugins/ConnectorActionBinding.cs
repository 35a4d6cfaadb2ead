using System.Text.Json;
using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>An action registered with <c>IPluginBuilder.AddAction</c>.</summary>
internal sealed class ConnectorActionBinding<TAction, TInput, TOutput>(ActionInfo info) : ActionBinding(info)
    where TAction : class, IActionConnector<TInput, TOutput>
{
    public override Type InputType => typeof(TInput);

    public override Type OutputType => typeof(TOutput);

    public override object? ReadInput(JsonElement input, JsonSerializerOptions json) => input.Deserialize<TInput>(json);

    public override async Task<JsonElement> InvokeAsync(IServiceProvider services, object? input, JsonSerializerOptions json, ActionContext context, CancellationToken cancellationToken)
    {
        var action = services.GetRequiredService<TAction>();
        var output = await action.InvokeAsync((TInput)input!, context, cancellationToken);
        return JsonSerializer.SerializeToElement(output, json);
    }

    public override void Activate(IServiceProvider services) => services.GetRequiredService<TAction>();
}
