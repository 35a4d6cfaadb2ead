namespace Luohu.Hub.Sdk.Connectors;

/// <summary>
/// An action: a typed input in, a typed output back. The host calls it through its invoker, which
/// applies a timeout, a circuit breaker, metrics and the caller's grants.
/// </summary>
/// <typeparam name="TInput">The input record, deserialized from JSON.</typeparam>
/// <typeparam name="TOutput">The output record, serialized to JSON.</typeparam>
public interface IActionConnector<in TInput, TOutput>
{
    /// <summary>Runs the action.</summary>
    /// <param name="input">The validated input.</param>
    /// <param name="context">Who is calling and why.</param>
    /// <param name="cancellationToken">Cancelled when the caller gives up or the call times out.</param>
    /// <exception cref="CapabilityInputException">The input names something that does not exist or is out of range.</exception>
    ValueTask<TOutput> InvokeAsync(TInput input, ActionContext context, CancellationToken cancellationToken);
}
