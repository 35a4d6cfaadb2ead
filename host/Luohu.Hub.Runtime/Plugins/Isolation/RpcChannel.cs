using StreamJsonRpc;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>
/// The one way both ends frame the channel: JSON-RPC 2.0 (StreamJsonRpc) with System.Text.Json, length-prefixed
/// on a Unix domain socket. JSON keeps a plugin's own JSON input and output as they are (no second encoding);
/// the length header avoids scanning for delimiters.
/// </summary>
internal static class RpcChannel
{
    public static JsonRpc Create(Stream stream, object target)
    {
        var rpc = new JsonRpc(new LengthHeaderMessageHandler(stream, stream, new SystemTextJsonFormatter()));
        rpc.AddLocalRpcTarget(target, new JsonRpcTargetOptions { AllowNonPublicInvocation = true, DisposeOnDisconnect = false });
        return rpc;
    }
}
