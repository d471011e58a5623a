using EdgeIngest.Frames;
using EdgeIngest.Pipeline;
using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Pipeline;

/// <summary>
/// The pool's lending rules. The recognisers are stand-ins that only count how often each is
/// disposed: what is tested is who gets which recogniser when, not what it reads (the real
/// recogniser's reading is tested in Reads/ and the pool under load by benchmarks/capacity/).
/// </summary>
public sealed class RecognizerPoolTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Two_Recognizers_Are_Lent_At_Once_And_A_Third_Camera_Waits_For_One_Returned()
    {
        using var pool = new RecognizerPool([new CountingRecognizer(), new CountingRecognizer()]);

        var first = await pool.RentAsync(CancellationToken.None);
        var second = await pool.RentAsync(CancellationToken.None);
        var third = pool.RentAsync(CancellationToken.None).AsTask();
        await Task.Delay(100, TestContext.Current.CancellationToken);

        Assert.NotSame(first.Recognizer, second.Recognizer);
        Assert.False(third.IsCompleted, "a third rent completed while both recognisers were lent");
        pool.Return(second);
        var lease = await third.WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Same(second.Recognizer, lease.Recognizer);
    }

    [Fact]
    public async Task Waiting_Cameras_Are_Served_In_Arrival_Order()
    {
        using var pool = new RecognizerPool([new CountingRecognizer()]);
        var held = await pool.RentAsync(CancellationToken.None);
        var served = new List<string>();
        var waiters = new List<Task>();
        foreach (var camera in new[] { "a", "b", "c", "d" })
        {
            waiters.Add(Task.Run(async () =>
            {
                var lease = await pool.RentAsync(CancellationToken.None);
                lock (served)
                {
                    served.Add(camera);
                }

                pool.Return(lease);
            }, TestContext.Current.CancellationToken));
            await Task.Delay(50, TestContext.Current.CancellationToken); // each waiter queues before the next one arrives
        }

        pool.Return(held);
        await Task.WhenAll(waiters).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b", "c", "d"], served);
    }

    [Fact]
    public async Task A_Cancelled_Wait_Takes_No_Recognizer()
    {
        using var pool = new RecognizerPool([new CountingRecognizer()]);
        var held = await pool.RentAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pool.RentAsync(cancel.Token));
        pool.Return(held);
        var again = await pool.RentAsync(CancellationToken.None).AsTask().WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Same(held.Recognizer, again.Recognizer);
    }

    [Fact]
    public async Task A_Recognizer_Returned_Twice_Is_Refused()
    {
        using var pool = new RecognizerPool([new CountingRecognizer()]);
        var lease = await pool.RentAsync(CancellationToken.None);
        pool.Return(lease);

        var e = Assert.Throws<InvalidOperationException>(() => pool.Return(lease));
        Assert.Contains("returned twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Uncontended_Rent_And_Return_Allocates_Nothing()
    {
        using var pool = new RecognizerPool([new CountingRecognizer(), new CountingRecognizer()]);
        for (var i = 0; i < 100; i++)
        {
            RentAndReturn(pool);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            RentAndReturn(pool);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"1,000 uncontended rents allocated {allocated} bytes on the renting thread");
    }

    [Fact]
    public void Disposing_The_Pool_Disposes_Every_Recognizer_Once()
    {
        var recognizers = new[] { new CountingRecognizer(), new CountingRecognizer(), new CountingRecognizer() };
        var pool = new RecognizerPool(recognizers);

        pool.Dispose();

        Assert.All(recognizers, r => Assert.Equal(1, r.Disposals));
    }

    private static void RentAndReturn(RecognizerPool pool)
    {
        var rent = pool.RentAsync(CancellationToken.None);
        Assert.True(rent.IsCompletedSuccessfully, "an uncontended rent did not complete at once");
        pool.Return(rent.Result);
    }

    private sealed class CountingRecognizer : IPlateRecognizer
    {
        public int Disposals { get; private set; }

        public IReadOnlyList<PlateRead> Recognize(BgrImage image) => [];

        public IReadOnlyList<PlateRead> Recognize(BgrImage image, ReadOnlySpan<PlateBox> notToRead, Span<bool> seenUnread) => [];

        public void Dispose() => Disposals++;
    }
}
