using EdgeIngest.WebConsole.Views;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>How the Requests page says windows and lengths, and reads the shorter window's inputs back.</summary>
public sealed class RequestWordsTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.CreateCustomTimeZone("test+01", TimeSpan.FromHours(1), "test+01", "test+01");

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(30 * 60, "30 min")]
    [InlineData((30 * 60) + 5, "30 min 5 s")]
    [InlineData(12 * 3600, "12 h")]
    [InlineData((3600 * 1) + (30 * 60), "1 h 30 min")]
    public void A_Length_Is_Said_As_A_Person_Says_It(int seconds, string expected) =>
        Assert.Equal(expected, PlainWords.Length(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Expiry_Is_Said_As_Time_Left()
    {
        Assert.Equal("in 6 days", PlainWords.Until(TimeSpan.FromDays(6.2)));
        Assert.Equal("in 5 h", PlainWords.Until(TimeSpan.FromHours(5)));
        Assert.Equal("in 12 min", PlainWords.Until(TimeSpan.FromMinutes(12)));
        Assert.Equal("now", PlainWords.Until(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void A_Window_Is_Shown_In_The_Box_Time_Zone_With_Its_Offset()
    {
        var from = new DateTimeOffset(2026, 12, 6, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal("2026-12-06 15:00:00 to 15:30:00 UTC+01:00", PlainWords.LocalWindow(from, from.AddMinutes(30), Berlin));
        Assert.Equal("2026-12-06 14:00:00 to 14:30:00 UTC", PlainWords.LocalWindow(from, from.AddMinutes(30), TimeZoneInfo.Utc));
        Assert.Equal("2026-12-06 23:00:00 UTC to 2026-12-07 01:00:00 UTC", PlainWords.LocalWindow(from.AddHours(9), from.AddHours(11), TimeZoneInfo.Utc));
    }

    [Fact]
    public void The_Inputs_Are_Written_And_Read_In_The_Box_Time_Zone()
    {
        var at = new DateTimeOffset(2026, 12, 6, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal("2026-12-06T15:00", WindowInput.Write(at, Berlin));
        Assert.Equal("2026-12-06T15:00:07", WindowInput.Write(at.AddSeconds(7), Berlin));

        Assert.True(WindowInput.TryRead("2026-12-06T15:10", "start", Berlin, at, out var read, out _));
        Assert.Equal(at.AddMinutes(10), read);

        // Within a second of the requested bound is that bound (the input shows whole seconds).
        var bound = at.AddMilliseconds(250);
        Assert.True(WindowInput.TryRead("2026-12-06T15:00", "start", Berlin, bound, out read, out _));
        Assert.Equal(bound, read);

        Assert.False(WindowInput.TryRead("", "end", Berlin, at, out _, out var missing));
        Assert.Equal("the end of the window is missing: give a date and time", missing);
        Assert.False(WindowInput.TryRead("6 Dec 15:00", "start", Berlin, at, out _, out var malformed));
        Assert.Contains("'6 Dec 15:00', is not a date and time", malformed, StringComparison.Ordinal);
    }
}
