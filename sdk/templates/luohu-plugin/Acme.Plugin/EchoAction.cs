using Luohu.Hub.Sdk.Connectors;

namespace Acme.Plugin;

/// <summary>An action: typed input, typed output; bad input is the caller's error, named by field.</summary>
internal sealed class EchoAction : IActionConnector<EchoRequest, EchoResult>
{
    public ValueTask<EchoResult> InvokeAsync(EchoRequest input, ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrEmpty(input.Text) || input.Text.Length > 200)
        {
            throw new CapabilityInputException("text", "Give 1 to 200 characters of text to echo.");
        }

        return ValueTask.FromResult(new EchoResult(input.Text, input.Text.Length));
    }
}
