using Luohu.Hub.Runtime.Plugins;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>
/// The actions and event sources of Running and Degraded plugins, rebuilt as an immutable snapshot whenever
/// a plugin starts, stops or switches version, so lookups on the call path take no lock.
/// </summary>
internal sealed class CapabilityCatalog(IOptions<PluginOptions> options, VendorChoices choices) : ICapabilityCatalog
{
    private readonly Lock publishing = new();
    private volatile CatalogSnapshot current = CatalogSnapshot.Empty;

    public IReadOnlyList<CapabilityDescriptor> List() => current.Descriptors;

    public CapabilityDescriptor? Find(string capability) => current.ById.GetValueOrDefault(capability);

    /// <summary>
    /// The provider that answers: the one asked for, else the vendor ops chose (while it runs), else the configured
    /// preference, else the first installed.
    /// </summary>
    public CapabilityProvider? Resolve(string capability, string? provider)
    {
        if (!current.Actions.TryGetValue(capability, out var providers))
        {
            return null;
        }

        if (provider is not null)
        {
            return providers.FirstOrDefault(p => p.Entry.Id == provider);
        }

        var serving = choices.Get(capability).Serving;
        return serving is null ? providers[0] : providers.FirstOrDefault(p => p.Entry.Id == serving) ?? providers[0];
    }

    /// <summary>The plugin ids that offer <paramref name="capability"/> now, in default order.</summary>
    public IReadOnlyList<string> ProvidersOf(string capability) =>
        current.Actions.TryGetValue(capability, out var providers) ? [.. providers.Select(p => p.Entry.Id)] : [];

    public void Publish(IEnumerable<PluginEntry> entries)
    {
        lock (publishing)
        {
            current = Build(entries);
        }
    }

    private CatalogSnapshot Build(IEnumerable<PluginEntry> entries)
    {
        var actions = new Dictionary<string, List<CapabilityProvider>>(StringComparer.Ordinal);
        var sources = new Dictionary<string, List<(PluginEntry Entry, EventSourceRegistration Source)>>(StringComparer.Ordinal);
        foreach (var entry in entries.OrderBy(e => e.Order))
        {
            LoadedPlugin? plugin;
            lock (entry.Sync)
            {
                plugin = entry.BaseState == PluginState.Running ? entry.Active : null;
            }

            if (plugin is null)
            {
                continue;
            }

            foreach (var action in plugin.Actions.Values)
            {
                Add(actions, action.Capability, new CapabilityProvider(entry, plugin, action));
            }

            foreach (var source in plugin.Sources)
            {
                Add(sources, source.Id, (entry, source));
            }
        }

        var descriptors = new List<CapabilityDescriptor>();
        var ordered = new Dictionary<string, IReadOnlyList<CapabilityProvider>>(StringComparer.Ordinal);
        foreach (var (id, providers) in actions)
        {
            var preferred = options.Value.PreferredProviders.GetValueOrDefault(id);
            var list = providers.OrderBy(p => p.Entry.Id == preferred ? 0 : 1).ThenBy(p => p.Entry.Order).ToList();
            ordered[id] = list;
            var first = list[0];
            var (input, output) = first.Plugin.Schemas[id];
            descriptors.Add(new CapabilityDescriptor
            {
                Id = id,
                Kind = ConnectorKind.Action,
                Title = first.Action.Info.Title,
                Description = first.Action.Info.Description,
                Family = first.Action.Info.Family,
                Sensitive = first.Action.Info.Sensitive,
                ChangesWorld = first.Action.Info.ChangesWorld,
                InputSchema = input.DeepClone(),
                OutputSchema = output.DeepClone(),
                Providers = [.. list.Select(p => p.Entry.Id)],
            });
        }

        foreach (var (id, providers) in sources.Where(s => !actions.ContainsKey(s.Key)))
        {
            var first = providers[0].Source;
            descriptors.Add(new CapabilityDescriptor
            {
                Id = id,
                Kind = ConnectorKind.EventSource,
                Title = first.Title,
                Description = first.Description,
                Topics = first.Topics,
                Providers = [.. providers.Select(p => p.Entry.Id)],
            });
        }

        descriptors.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new CatalogSnapshot(descriptors, descriptors.ToDictionary(d => d.Id, StringComparer.Ordinal), ordered);
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private sealed record CatalogSnapshot(
        IReadOnlyList<CapabilityDescriptor> Descriptors,
        IReadOnlyDictionary<string, CapabilityDescriptor> ById,
        IReadOnlyDictionary<string, IReadOnlyList<CapabilityProvider>> Actions)
    {
        public static readonly CatalogSnapshot Empty = new([], new Dictionary<string, CapabilityDescriptor>(), new Dictionary<string, IReadOnlyList<CapabilityProvider>>());
    }
}
