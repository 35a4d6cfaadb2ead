using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Security;

/// <summary>Security log messages; event ids 5000–5099. No message ever carries a password, key or secret value.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "First start: created user 'admin' with a generated password, printed once to the console")]
    public static partial void AdminGenerated(ILogger logger);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "First start: created user 'admin' with the password from Hub:Auth:AdminPassword")]
    public static partial void AdminFromConfiguration(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "First start: seeded {Departments} departments and {Grants} grants")]
    public static partial void DistrictSeeded(ILogger logger, int departments, int grants);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "User {User} signed in from {RemoteIp}")]
    public static partial void SignedIn(ILogger logger, string user, string? remoteIp);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Failed sign-in for {User} from {RemoteIp}")]
    public static partial void SignInFailed(ILogger logger, string user, string? remoteIp);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Name {User} held back from one address until {Until} after repeated failed sign-ins there")]
    public static partial void LockedOut(ILogger logger, string user, DateTimeOffset until);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Rejected API key with prefix {Prefix}: {Reason}")]
    public static partial void KeyRejected(ILogger logger, string prefix, string reason);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Denied {Capability} for {Caller}: {Reason}")]
    public static partial void CapabilityDenied(ILogger logger, string capability, string caller, string reason);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Error, Message = "Stored secret {Key} of plugin {PluginId} cannot be decrypted with the key ring; it is left out of the plugin's configuration")]
    public static partial void SecretUnreadable(ILogger logger, string pluginId, string key);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Error, Message = "Secret {Name} of department {Department} cannot be decrypted with the key ring; requests that need it are refused")]
    public static partial void DepartmentSecretUnreadable(ILogger logger, string department, string name);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Error, Message = "Could not write the audit entry {Action} for {Target}")]
    public static partial void AuditWriteFailed(ILogger logger, Exception exception, string action, string? target);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Settings of plugin {PluginId} changed: {Keys}")]
    public static partial void PluginSettingsChanged(ILogger logger, string pluginId, string keys);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Sign-in attempt from {RemoteIp} held back by the sign-in throttle")]
    public static partial void SignInThrottled(ILogger logger, string remoteIp);
}
