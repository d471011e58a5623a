namespace EdgeIngest.Reads;

/// <summary>
/// The few most probable plate readings of one recogniser output: CTC prefix beam search over the
/// plate characters, each reading's probability summed over every alignment that spells it. Unlike
/// greedy decoding it also yields readings of another length (a character the greedy path lost to
/// the blank, or a doubled one it merged). The beams live in arrays sized at construction, so a
/// search allocates nothing. One thread at a time, like its reader. First tried (issue 20's second
/// accuracy attempt, commit 5cbb8c2) to replace reads that fit no layout; kept to carry a read's
/// runner-up readings (<see cref="TopReadings"/>).
/// </summary>
internal sealed class CtcBeamSearch
{
    // A class below this probability at a step cannot start or extend a reading worth keeping.
    private const float MinStepProbability = 0.001f;

    // At most this many characters are tried at one step (a plate recogniser is rarely torn
    // between more than two or three).
    private const int MaxClassesPerStep = 4;

    private readonly int width;
    private readonly int maxLength;
    private readonly Beams current;
    private readonly Beams next;
    private readonly char[] stepCharacters = new char[MaxClassesPerStep];
    private readonly float[] stepProbabilities = new float[MaxClassesPerStep];

    /// <param name="width">How many readings are kept after each step (and returned at most).</param>
    /// <param name="maxLength">The longest reading kept; a longer one is cut off from the search.</param>
    public CtcBeamSearch(int width, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        this.width = width;
        this.maxLength = maxLength;
        var capacity = width * (MaxClassesPerStep + 1);
        current = new Beams(capacity, maxLength);
        next = new Beams(capacity, maxLength);
    }

    /// <summary>How many readings the last search found, most probable first.</summary>
    public int Count => current.Count;

    /// <summary>Reading <paramref name="rank"/> of the last search (0: the most probable).</summary>
    public ReadOnlySpan<char> Reading(int rank) => current.Text(rank);

    /// <summary>Reading <paramref name="rank"/>'s probability relative to the most probable reading's (1 for rank 0).</summary>
    public double RelativeProbability(int rank) => current.Total(rank) / current.Total(0);

    /// <summary>
    /// Whether any reading but the most probable can have <paramref name="minShare"/> of its
    /// probability, judged in one pass without searching: the greedy path's probability (each
    /// step's most probable class) is a floor for the best reading's, and every other reading
    /// shares what is left of 1. A plate read surely at every step needs no search.
    /// </summary>
    public static bool MayHaveRunnerUp(ReadOnlySpan<float> probabilities, int classes, double minShare)
    {
        var greedyPath = 1.0;
        var steps = probabilities.Length / classes;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = 0f;
            foreach (var p in row)
            {
                best = Math.Max(best, p);
            }

            greedyPath *= best;
        }

        return 1 - greedyPath >= minShare * greedyPath;
    }

    /// <summary>
    /// Searches <paramref name="probabilities"/> (row-major [steps, classes], softmax). Classes that
    /// are no plate character (a space, punctuation) count as the blank, as greedy decoding drops them.
    /// Returns <see cref="Count"/>.
    /// </summary>
    public int Search(ReadOnlySpan<float> probabilities, int classes, RecognitionAlphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        current.Clear();
        current.Add([], 1, 0);
        var steps = probabilities.Length / classes;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var blank = PickClasses(row, alphabet, out var considered);
            next.Clear();
            for (var b = 0; b < current.Count; b++)
            {
                var text = current.Text(b);
                var pBlank = current.BlankEnding(b);
                var pChar = current.CharacterEnding(b);
                var last = text.Length == 0 ? '\0' : text[^1];

                // The same reading: a blank after it, or its last character held one more step.
                var repeat = 0f;
                for (var k = 0; k < considered; k++)
                {
                    repeat += stepCharacters[k] == last ? stepProbabilities[k] : 0f;
                }

                next.Merge(text, '\0', (pBlank + pChar) * blank, pChar * repeat);

                // One character longer: a repeat of the last character needs a blank between.
                for (var k = 0; k < considered; k++)
                {
                    var c = stepCharacters[k];
                    var from = c == last ? pBlank : pBlank + pChar;
                    if (from > 0 && text.Length < maxLength)
                    {
                        next.Merge(text, c, 0, from * stepProbabilities[k]);
                    }
                }
            }

            next.KeepBest(width);
            current.CopyFrom(next);
        }

        current.SortByTotal();
        return current.Count;
    }

    /// <summary>
    /// The plate characters worth trying at this step (into the step arrays) and the probability
    /// that the step emits nothing: the blank's plus every class that is no plate character.
    /// </summary>
    private float PickClasses(ReadOnlySpan<float> row, RecognitionAlphabet alphabet, out int considered)
    {
        considered = 0;
        var plate = 0f;
        for (var i = 1; i < row.Length; i++)
        {
            var p = row[i];
            if (p < MinStepProbability)
            {
                continue;
            }

            var c = PlateCharacters.Normalize(alphabet[i]);
            if (c == '\0')
            {
                continue;
            }

            plate += p;
            if (considered < MaxClassesPerStep)
            {
                stepCharacters[considered] = c;
                stepProbabilities[considered++] = p;
            }
            else
            {
                var weakest = 0;
                for (var k = 1; k < MaxClassesPerStep; k++)
                {
                    weakest = stepProbabilities[k] < stepProbabilities[weakest] ? k : weakest;
                }

                if (p > stepProbabilities[weakest])
                {
                    stepCharacters[weakest] = c;
                    stepProbabilities[weakest] = p;
                }
            }
        }

        // What the dropped classes below MinStepProbability held is noise either way.
        return Math.Max(0f, 1f - plate);
    }

    /// <summary>A set of readings with their probabilities, ending in a blank and ending in a character.</summary>
    private sealed class Beams(int capacity, int maxLength)
    {
        private readonly char[] texts = new char[capacity * maxLength];
        private readonly int[] lengths = new int[capacity];
        private readonly double[] blankEnding = new double[capacity];
        private readonly double[] characterEnding = new double[capacity];
        private readonly int[] order = new int[capacity];

        public int Count { get; private set; }

        public ReadOnlySpan<char> Text(int i) => texts.AsSpan(order[i] * maxLength, lengths[order[i]]);

        public double BlankEnding(int i) => blankEnding[order[i]];

        public double CharacterEnding(int i) => characterEnding[order[i]];

        public double Total(int i) => blankEnding[order[i]] + characterEnding[order[i]];

        public void Clear() => Count = 0;

        public void Add(ReadOnlySpan<char> text, double blank, double character)
        {
            var slot = Count;
            text.CopyTo(texts.AsSpan(slot * maxLength, maxLength));
            lengths[slot] = text.Length;
            blankEnding[slot] = blank;
            characterEnding[slot] = character;
            order[slot] = slot;
            Count++;
        }

        /// <summary>Adds probability to the reading <paramref name="text"/> + <paramref name="appended"/> ('\0': none), merging with it if present.</summary>
        public void Merge(ReadOnlySpan<char> text, char appended, double blank, double character)
        {
            var length = text.Length + (appended == '\0' ? 0 : 1);
            for (var slot = 0; slot < Count; slot++)
            {
                var known = texts.AsSpan(slot * maxLength, lengths[slot]);
                if (lengths[slot] == length
                    && (appended == '\0' ? known.SequenceEqual(text) : known[^1] == appended && known[..^1].SequenceEqual(text)))
                {
                    blankEnding[slot] += blank;
                    characterEnding[slot] += character;
                    return;
                }
            }

            if (Count == lengths.Length)
            {
                return;
            }

            var into = texts.AsSpan(Count * maxLength, maxLength);
            text.CopyTo(into);
            if (appended != '\0')
            {
                into[text.Length] = appended;
            }

            lengths[Count] = length;
            blankEnding[Count] = blank;
            characterEnding[Count] = character;
            order[Count] = Count;
            Count++;
        }

        /// <summary>
        /// Orders the readings most probable first and keeps <paramref name="width"/>, rescaled so
        /// the best totals 1; a reading no alignment can spell any more (a blank-free step ended it) goes.
        /// </summary>
        public void KeepBest(int width)
        {
            SortByTotal();
            Count = Math.Min(Count, width);
            while (Count > 1 && Total(Count - 1) <= 0)
            {
                Count--;
            }

            var best = Count == 0 ? 0 : Total(0);
            if (best > 0)
            {
                for (var i = 0; i < Count; i++)
                {
                    blankEnding[order[i]] /= best;
                    characterEnding[order[i]] /= best;
                }
            }
        }

        public void SortByTotal()
        {
            // Insertion sort of the order: a few dozen entries, and no allocation.
            for (var i = 1; i < Count; i++)
            {
                var slot = order[i];
                var total = blankEnding[slot] + characterEnding[slot];
                var j = i - 1;
                while (j >= 0 && blankEnding[order[j]] + characterEnding[order[j]] < total)
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = slot;
            }
        }

        /// <summary>Takes <paramref name="other"/>'s readings in its order.</summary>
        public void CopyFrom(Beams other)
        {
            Count = 0;
            for (var i = 0; i < other.Count; i++)
            {
                Add(other.Text(i), other.BlankEnding(i), other.CharacterEnding(i));
            }
        }
    }
}
