using System.Globalization;
using Jint.Runtime;

namespace Luohu.Hub.Rules.Scripting;

/// <summary><c>Date</c>, <c>Date.now()</c> and <c>now()</c> read the hub's <see cref="TimeProvider"/>; dates are UTC.</summary>
internal sealed class HubTimeSystem(TimeProvider time) : ITimeSystem
{
    private readonly DefaultTimeSystem _calendar = new(TimeZoneInfo.Utc, CultureInfo.InvariantCulture);

    public TimeZoneInfo DefaultTimeZone => TimeZoneInfo.Utc;

    public DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public bool TryParse(string date, out long epochMilliseconds) => _calendar.TryParse(date, out epochMilliseconds);

    public TimeSpan GetUtcOffset(long epochMilliseconds) => TimeSpan.Zero;
}
