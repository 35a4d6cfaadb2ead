namespace Luohu.Hub.Runtime.Security;

internal enum GrantKind
{
    /// <summary>Target is a capability id or pattern (<c>credit.assess</c>, <c>credit.*</c>, <c>*</c>).</summary>
    Capability,

    /// <summary>Target is an MQTT topic filter of an event stream (<c>cameras/school-gates/#</c>).</summary>
    Stream,
}
