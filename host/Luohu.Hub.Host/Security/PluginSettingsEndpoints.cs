using System.Text.Json;
using Luohu.Hub.Host.Api;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// <c>/api/v1/plugins/{id}/settings</c>: plain values and secrets layered over <c>Hub:Plugins:{id}</c>. Secrets are
/// stored encrypted (Data Protection) and never returned: GET lists only which secret names are set. A PUT replaces
/// the plain values, sets the secrets it names (null removes one, an omitted one is kept, since no client can read
/// it back to resend it), and reloads a running plugin so the change applies at once.
/// </summary>
internal static class PluginSettingsEndpoints
{
    public static RouteGroupBuilder MapPluginSettingsApi(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/plugins/{id}/settings").WithTags("Plugins");
        settings.MapGet("/", (string id, PluginSettingsOverlay overlay) => TypedResults.Ok(View(id, overlay)));
        settings.MapPut("/", PutAsync);
        return api;
    }

    private static async Task<IResult> PutAsync(
        string id, HttpContext context, IPluginManager plugins, IPluginSettingValuesStore store, PluginSettingsOverlay overlay,
        ISecretProtector protector, IAuditLog audit, TimeProvider time, ILogger<PluginSettingsView> logger, CancellationToken ct)
    {
        var body = await ApiJson.ReadBodyAsync(context, ct);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ApiBadRequestException("Invalid settings", "Send { \"values\": { \"Key\": \"value\" }, \"secrets\": { \"ApiKey\": \"...\" } }.");
        }

        var now = time.GetUtcNow();
        var values = new Dictionary<string, PluginSettingValue>(StringComparer.Ordinal);
        foreach (var (key, value) in Pairs(body, "values"))
        {
            values[key] = new PluginSettingValue { PluginId = id, Key = key, Value = value, UpdatedAt = now };
        }

        var previous = overlay.Stored(id);
        foreach (var kept in previous.Where(v => v.IsSecret))
        {
            values[kept.Key] = kept;
        }

        var secretNames = new List<string>();
        foreach (var (key, value) in Pairs(body, "secrets"))
        {
            secretNames.Add(key);
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = new PluginSettingValue { PluginId = id, Key = key, ProtectedValue = protector.Protect(value), IsSecret = true, UpdatedAt = now };
            }
        }

        var stored = values.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        await store.ReplaceAsync(id, stored, ct);
        overlay.Set(id, stored);
        var names = string.Join(", ", stored.Select(v => v.IsSecret ? $"{v.Key} (secret)" : v.Key));
        SecurityLog.PluginSettingsChanged(logger, id, names);
        await audit.AppendAsync(Caller.From(context).Audit("plugin.settings", id) with
        {
            Before = JsonSerializer.Serialize(Names(previous)),
            After = JsonSerializer.Serialize(Names(stored)),
            Detail = secretNames.Count == 0 ? null : $"secrets set or removed: {string.Join(", ", secretNames)}",
        }, ct);

        var reloaded = false;
        if (plugins.Find(id) is { State: PluginState.Running })
        {
            await plugins.ReloadAsync(id, ct);
            reloaded = true;
        }

        return TypedResults.Ok(View(id, overlay) with { Reloaded = reloaded });
    }

    private static PluginSettingsView View(string id, PluginSettingsOverlay overlay)
    {
        var stored = overlay.Stored(id);
        return new PluginSettingsView(
            id,
            stored.Where(v => !v.IsSecret).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            [.. stored.Where(v => v.IsSecret).Select(v => v.Key)]);
    }

    private static object Names(IReadOnlyList<PluginSettingValue> values) =>
        new { values = values.Where(v => !v.IsSecret).Select(v => v.Key), secrets = values.Where(v => v.IsSecret).Select(v => v.Key) };

    private static IEnumerable<(string Key, string? Value)> Pairs(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var section) || section.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            throw new ApiBadRequestException("Invalid settings", $"'{name}' must be an object of setting names to strings.");
        }

        foreach (var property in section.EnumerateObject())
        {
            yield return property.Value.ValueKind switch
            {
                JsonValueKind.Null => (property.Name, null),
                JsonValueKind.String => (property.Name, property.Value.GetString()),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => (property.Name, property.Value.GetRawText()),
                _ => throw new ApiBadRequestException("Invalid settings", $"'{name}.{property.Name}' must be a string, number or boolean."),
            };
        }
    }
}
