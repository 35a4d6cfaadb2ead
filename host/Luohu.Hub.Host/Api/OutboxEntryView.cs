using System.Text.Json;
using Luohu.Hub.Runtime.Outbox;

namespace Luohu.Hub.Host.Api;

/// <summary>An outbox entry as ops see it: the input and result as JSON, never re-serialized text.</summary>
internal sealed record OutboxEntryView(
    string Key, string Capability, string State, string FlowId, int FlowVersion, string NodeId, string MessageId, string? Department, string? Provider,
    int Attempts, string? LastError, JsonElement Input, JsonElement? Result, string? ResolvedBy, string? ResolutionNote, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static OutboxEntryView From(OutboxEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Key, e.Capability, e.State, e.FlowId, e.FlowVersion, e.NodeId, e.MessageId, e.Department, e.Provider, e.Attempts, e.LastError,
            Parse(e.Input)!.Value, Parse(e.Result), e.ResolvedBy, e.ResolutionNote, e.CreatedAt, e.UpdatedAt);
    }

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
