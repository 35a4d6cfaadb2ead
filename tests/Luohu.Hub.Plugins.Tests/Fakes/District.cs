namespace Luohu.Hub.Plugins.Tests.Fakes;

/// <summary>Instants in district time (UTC+8). 2026-11-17 is a Tuesday, 2026-11-21 a Saturday.</summary>
public static class District
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Offset);

    public static DateTimeOffset Tuesday(int hour, int minute = 0) => At(17, hour, minute);

    public static DateTimeOffset Saturday(int hour, int minute = 0) => At(21, hour, minute);
}
