namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>Every action and event source of the running plugins.</summary>
internal interface ICapabilityCatalog
{
    IReadOnlyList<CapabilityDescriptor> List();

    CapabilityDescriptor? Find(string capability);
}
