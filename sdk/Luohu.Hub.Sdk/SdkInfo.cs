namespace Luohu.Hub.Sdk;

/// <summary>Facts about this SDK that a plugin manifest is checked against.</summary>
public static class SdkInfo
{
    /// <summary>The semantic version of this SDK. A manifest's <c>sdk</c> range must include it.</summary>
    public const string Version = "1.0.0";
}
