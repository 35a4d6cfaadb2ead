using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Capabilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Outbox;

/// <summary>
/// Calls a capability that changes the world exactly once per intended call: records the call (with its idempotency
/// key) before calling, the result after; a second arrival of the same call (a redelivered message, a retried
/// webhook) gets the recorded result, and an entry left pending by a crash or an unknown outcome is attempted again
/// with the same key, which the provider's idempotency makes safe.
/// </summary>
internal sealed class OutboxExecutor(
    IOutboxStore store,
    ICapabilityInvoker invoker,
    OutboxMetrics metrics,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxExecutor> logger)
{
    public const string InputKeyField = "idempotencyKey";

    // Keys being attempted in this process: the sweep leaves them to the caller that is already on them.
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    public IOutboxStore Store => store;

    public async ValueTask<JsonElement> ExecuteAsync(OutboxCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var input = call.Input?.DeepClone() ?? new JsonObject();
        var inputKey = input is JsonObject o && o[InputKeyField] is JsonValue v && v.TryGetValue<string>(out var given) && given.Length > 0 ? given : null;
        var key = OutboxKeys.Derive(call.FlowId, call.NodeId, call.MessageId, inputKey);
        if (input is JsonObject obj && inputKey is null)
        {
            obj[InputKeyField] = key;
        }

        var now = time.GetUtcNow();
        var (entry, created) = await store.AddAsync(new OutboxEntry
        {
            Key = key,
            Capability = call.Capability,
            FlowId = call.FlowId,
            FlowVersion = call.FlowVersion,
            NodeId = call.NodeId,
            MessageId = call.MessageId,
            Department = call.Department,
            Provider = call.Provider,
            CorrelationId = call.CorrelationId,
            Input = input.ToJsonString(),
            State = OutboxStates.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);

        if (created)
        {
            metrics.Recorded();
        }
        else if (Recorded(entry) is { } answer)
        {
            metrics.Deduplicated();
            return answer;
        }

        return await AttemptAsync(entry, cancellationToken);
    }

    /// <summary>Attempts a pending entry again with its recorded input and key (the sweep, ops' retry).</summary>
    public async ValueTask<JsonElement?> ResumeAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        metrics.Resumed();
        try
        {
            return await AttemptAsync(entry, cancellationToken);
        }
        catch (CapabilityException)
        {
            // Recorded on the entry; the next sweep or ops take it from there.
            return null;
        }
    }

    public bool IsInFlight(string key) => _inFlight.ContainsKey(key);

    private static JsonElement? Recorded(OutboxEntry entry) => entry.State switch
    {
        OutboxStates.Completed or OutboxStates.Resolved when entry.Result is not null => JsonDocument.Parse(entry.Result).RootElement.Clone(),
        OutboxStates.Resolved => throw new CapabilityException(CapabilityErrorKind.Failed, entry.Capability,
            $"Outbox entry {entry.Key} was resolved by {entry.ResolvedBy} without a result ({entry.ResolutionNote}); the call is not made again."),
        OutboxStates.Failed => throw new CapabilityException(CapabilityErrorKind.Failed, entry.Capability,
            $"Outbox entry {entry.Key} failed: {entry.LastError} Ops may retry or resolve it (/api/v1/outbox/{entry.Key})."),
        _ => null,
    };

    private async ValueTask<JsonElement> AttemptAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        _inFlight.TryAdd(entry.Key, 0);
        try
        {
            using var input = JsonDocument.Parse(entry.Input);
            var context = new InvocationContext
            {
                CorrelationId = entry.CorrelationId,
                Department = entry.Department,
                FlowId = entry.FlowId,
                FlowVersion = entry.FlowVersion,
                NodeId = entry.NodeId,
                Provider = entry.Provider,
                IdempotencyKey = entry.Key,
            };
            JsonElement output;
            try
            {
                output = await invoker.InvokeAsync(entry.Capability, input.RootElement, context, cancellationToken);
            }
            catch (CapabilityException ex)
            {
                // A refusal is final (the provider or the grants said no: nothing happened); anything else may have
                // happened at the provider, so the entry stays pending and is tried again with the same key.
                var final = ex.Kind is CapabilityErrorKind.InvalidInput or CapabilityErrorKind.Denied
                    || entry.Attempts + 1 >= options.Value.MaxAttempts;
                await store.RecordErrorAsync(entry.Key, $"{ex.Kind}: {ex.Message}", final, time.GetUtcNow(), CancellationToken.None);
                if (final)
                {
                    OutboxLog.EntryFailed(logger, entry.Key, entry.Capability, ex.Message);
                }
                else
                {
                    OutboxLog.AttemptFailed(logger, entry.Key, entry.Capability, entry.FlowId, entry.FlowVersion, entry.NodeId, entry.Attempts + 1, ex.Message);
                }

                throw;
            }

            await store.CompleteAsync(entry.Key, output.GetRawText(), time.GetUtcNow(), CancellationToken.None);
            metrics.Completed();
            return output;
        }
        finally
        {
            _inFlight.TryRemove(entry.Key, out _);
        }
    }
}
