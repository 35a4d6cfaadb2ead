using System.Text.Json;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// <c>POST /api/v1/outbox/{key}/resolve</c>: why ops close the entry by hand (required), and optionally the result found
/// at the provider (e.g. the bank's settlement), which a redelivered message then receives.
/// </summary>
internal sealed record OutboxResolution(string? Note, JsonElement? Result);
