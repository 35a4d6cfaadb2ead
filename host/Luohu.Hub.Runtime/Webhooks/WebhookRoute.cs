namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>A live route: <c>/hooks/{Department}/{Path}</c> belongs to trigger <c>NodeId</c> of a deployed flow.</summary>
internal sealed record WebhookRoute(string Department, string Path, string FlowId, string NodeId, string Signature, WebhookSettings Settings)
{
    public string Key => KeyOf(Department, Path);

    public static string KeyOf(string department, string path) => department + "/" + path.Trim('/');
}
