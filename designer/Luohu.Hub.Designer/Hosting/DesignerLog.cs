using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Designer.Hosting;

/// <summary>The designer's log messages (event ids 6000–6099).</summary>
internal static partial class DesignerLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Designer sign-in of '{User}' succeeded")]
    public static partial void SignedIn(ILogger logger, string user);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Designer sign-in of '{User}' refused ({Outcome})")]
    public static partial void SignInRefused(ILogger logger, string user, string outcome);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Designer sign-out of '{User}'")]
    public static partial void SignedOut(ILogger logger, string user);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Designer sign-out refused: the form's anti-forgery token was missing or invalid")]
    public static partial void SignOutRejected(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "The static assets manifest {Manifest} is missing: the designer's styles and scripts are not served. Run the host as built by the .NET SDK (dotnet run, dotnet publish), which writes it")]
    public static partial void StaticAssetsMissing(ILogger logger, string manifest);
}
