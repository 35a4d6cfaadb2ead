using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>One running plugin version serving one action.</summary>
internal sealed record CapabilityProvider(PluginEntry Entry, LoadedPlugin Plugin, ActionBinding Action);
