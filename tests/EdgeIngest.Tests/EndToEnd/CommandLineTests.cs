using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.EndToEnd;

/// <summary>The real CLI's answer to a command it does not have: a usage error, whatever follows the name.</summary>
public sealed class CommandLineTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edgeingest.dll");

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("frobnicate", "--help")]
    [InlineData("Run", "--config", "x.yaml")]
    public async Task An_Unknown_Command_Exits_2_Naming_It(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Cli, .. arguments], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}, stderr: {result.StandardError}");
        Assert.Contains($"unknown command {arguments[0]}", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Known_Command_With_Help_Still_Shows_Its_Help()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Cli, "receive", "--help"], TimeSpan.FromSeconds(60));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--config", result.StandardOutput, StringComparison.Ordinal);
    }
}
