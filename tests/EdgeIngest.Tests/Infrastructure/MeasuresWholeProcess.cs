namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// Tests that measure the whole process (allocated bytes, CPU) run alone, after the parallel
/// ones, so other tests do not pollute the numbers.
/// </summary>
[CollectionDefinition(nameof(MeasuresWholeProcess), DisableParallelization = true)]
public sealed class MeasuresWholeProcess
{
}
