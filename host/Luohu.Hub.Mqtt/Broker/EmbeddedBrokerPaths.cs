namespace Luohu.Hub.Mqtt.Broker;

/// <summary>Where the embedded broker keeps retained messages and sessions: <c>{DataPath}/mqtt</c>.</summary>
internal sealed record EmbeddedBrokerPaths(string Folder);
