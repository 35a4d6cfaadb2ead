using System.Collections.Concurrent;
using System.Text.Json;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// The device group of a camera id, asked of the provider's own <c>camera.list</c>. A snapshot request names only a
/// camera, so a grant narrowed to device groups could otherwise be passed by naming an allowed group next to a camera
/// of another one. Answers are kept per provider version for <see cref="CacheLifetime"/>; an unknown id asks again.
/// </summary>
internal sealed class CameraGroupResolver(CapabilityCatalog catalog, TimeProvider time)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(10);

    // Strings only: a reference to the loaded plugin would keep its assembly from unloading.
    private readonly ConcurrentDictionary<string, (string Version, DateTimeOffset LoadedAt, IReadOnlyDictionary<string, string> Groups)> _byProvider = new(StringComparer.Ordinal);

    /// <summary>The camera's device group, or null when the provider lists no such camera (or offers no list).</summary>
    public async ValueTask<string?> GroupOfAsync(string providerId, string cameraId, CancellationToken cancellationToken)
    {
        if (catalog.Resolve(StandardCapabilities.CameraList, providerId) is not { } provider)
        {
            return null;
        }

        var version = provider.Plugin.Manifest.Version;
        if (_byProvider.TryGetValue(providerId, out var cached) && cached.Version == version
            && time.GetUtcNow() - cached.LoadedAt < CacheLifetime && cached.Groups.TryGetValue(cameraId, out var known))
        {
            return known;
        }

        if (!provider.Plugin.TryEnter())
        {
            return null;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ListTimeout);
            var context = new ActionContext { Capability = StandardCapabilities.CameraList, CorrelationId = "grant-check:" + cameraId };
            var input = provider.Action.ReadInput(JsonSerializer.SerializeToElement(new CameraListRequest(), provider.Plugin.Json), provider.Plugin.Json);
            var output = await provider.Plugin.Runtime.InvokeAsync(provider.Action, input, context, timeout.Token);
            var groups = Groups(output);
            _byProvider[providerId] = (version, time.GetUtcNow(), groups);
            return groups.GetValueOrDefault(cameraId);
        }
        finally
        {
            provider.Plugin.Exit();
        }
    }

    private static Dictionary<string, string> Groups(JsonElement list)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        if (list.ValueKind == JsonValueKind.Object && list.TryGetProperty("cameras", out var cameras) && cameras.ValueKind == JsonValueKind.Array)
        {
            foreach (var camera in cameras.EnumerateArray())
            {
                if (camera.TryGetProperty("cameraId", out var id) && id.ValueKind == JsonValueKind.String
                    && camera.TryGetProperty("deviceGroup", out var group) && group.ValueKind == JsonValueKind.String)
                {
                    groups[id.GetString()!] = group.GetString()!;
                }
            }
        }

        return groups;
    }
}
