namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary>
/// Timestamps are stored as INTEGER unix milliseconds (UTC): sortable, compact, and free of a global Dapper
/// type handler that a second store in the same process (PostgreSQL, timestamptz) would trip over.
/// </summary>
internal static class UnixTime
{
    public static long ToMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
