namespace EdgeIngest.Tests.WebConsole;

/// <summary>The console fixture with hit clips recorded and kept on the box, and a detection zone on the camera.</summary>
public sealed class ClipsConsoleFixture() : ConsoleFixture(clips: true);
