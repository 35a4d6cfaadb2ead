namespace Luohu.Hub.Runtime.Capabilities;

internal enum ConnectorKind
{
    Action,
    EventSource,
}
