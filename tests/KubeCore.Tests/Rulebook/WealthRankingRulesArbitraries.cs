using FsCheck;
using FsCheck.Fluent;
using KubeCore.Households;
using KubeCore.Tests.Builders;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Tests.RulebookTests;

/// <summary>The generated inputs of <see cref="WealthRankingRulesTests"/>, one small record per input.</summary>
public static class WealthRankingRulesArbitraries
{
    /// <summary>The day every matched exercise is held.</summary>
    internal static readonly LocalDate HeldOn = new(2025, 8, 1);

    /// <summary>An exercise's shape: household count and each informant's pile count and piles (household by household).</summary>
    public sealed record Shape(int Households, (int PileCount, int[] Piles)[] Sortings)
    {
        public static implicit operator (int Households, (int PileCount, int[] Piles)[] Sortings)(Shape shape) => (shape.Households, shape.Sortings);

        public override string ToString() =>
            $"Shape {{ Households = {Households}, Sortings = [{string.Join("; ", Sortings.Select(s => $"{s.PileCount} piles: {string.Join(" ", s.Piles)}"))}] }}";
    }

    /// <summary>How a valid sorting is spoilt.</summary>
    public enum Corruption
    {
        DropHousehold,
        PlaceTwice,
        PileZero,
        PileAboveCount,
        UnknownHousehold,
        OnePile,
        EmptyPile,
        BlankInformant,
    }

    /// <summary>An exercise of 0..7 informants and the profile's minimum.</summary>
    public sealed record InformantMinimum(Shape Shape, int Min);

    /// <summary>Two informants' sortings and the first informant's name written again, spaced and cased anew.</summary>
    public sealed record RespelledInformant(Shape Shape, string Again);

    /// <summary>An exercise of up to 20 households and the profile's warning threshold.</summary>
    public sealed record HouseholdThreshold(Shape Shape, int Threshold);

    /// <summary>An exercise and the profile's wealth bands.</summary>
    public sealed record ShapeAndBands(Shape Shape, WealthBand[] Bands)
    {
        public override string ToString() => $"ShapeAndBands {{ Shape = {Shape}, Bands = [{string.Join(", ", (IEnumerable<WealthBand>)Bands)}] }}";
    }

    /// <summary>Four informants' pile counts and raw piles, and which informant moves the household one pile poorer.</summary>
    public sealed record PileMove(int[] Counts, int[] Raw, int Who)
    {
        public override string ToString() => $"PileMove {{ Counts = [{string.Join(", ", Counts)}], Raw = [{string.Join(", ", Raw)}], Who = {Who} }}";
    }

    /// <summary>Two informants' sortings, the way the second is spoilt, and where.</summary>
    public sealed record CorruptedSorting(Shape Shape, Corruption Corruption, int At);

    /// <summary>An exercise to match, each household's registry entry (or none), an older one, some unranked households, the maximum eligible decile.</summary>
    public sealed record MatchCase(Shape Shape, RegistryEntry?[] Entries, RegistryEntry?[] OlderEntries, RegistryEntry[] Unranked, int MaxDecile)
    {
        public override string ToString() =>
            $"MatchCase {{ Shape = {Shape}, Entries = [{string.Join("; ", Entries.Select(e => e?.ToString() ?? "none"))}], "
            + $"OlderEntries = [{string.Join("; ", OlderEntries.Select(e => e?.ToString() ?? "none"))}], "
            + $"Unranked = [{string.Join("; ", (IEnumerable<RegistryEntry>)Unranked)}], MaxDecile = {MaxDecile} }}";
    }

    private static Gen<Shape> Shapes(int minHouseholds = 2, int maxHouseholds = 12, int minInformants = 3, int maxInformants = 6) =>
        HouseholdGenerators.ExerciseShape(minHouseholds, maxHouseholds, minInformants, maxInformants).Select(s => new Shape(s.Households, s.Sortings));

    private static Gen<string> Respelled(string name) =>
        from upper in HouseholdGenerators.Bool
        from lead in Gen.Elements("", " ", "  ", "\t")
        from gap in Gen.Elements(" ", "  ", " \t ")
        select lead + string.Join(gap, (upper ? name.ToUpperInvariant() : name.ToLowerInvariant()).Split(' ')) + lead;

    private static Gen<WealthBand[]> Bands =>
        from count in Gen.Choose(2, 5)
        from cuts in Gen.ArrayOf(Gen.Choose(1, 99), count - 1)
        from poor in Gen.ArrayOf(HouseholdGenerators.Bool, count)
        let maxima = cuts.Distinct().Order().Append(100).ToArray()
        select maxima.Select((max, i) => new WealthBand((WealthCategory)(4 - Math.Min(i, 3)), max, poor[i])).ToArray();

    private static Gen<RegistryEntry?> MaybeEntry(LocalDate date) =>
        Gen.OneOf(Gen.Constant<RegistryEntry?>(null), HouseholdGenerators.RegistryEntryAround(date).Select(e => (RegistryEntry?)e), HouseholdGenerators.RegistryEntryAround(date).Select(e => (RegistryEntry?)e));

    public static Arbitrary<Shape> AnyShape() => Shapes().ToArbitrary();

    public static Arbitrary<InformantMinimum> InformantMinimums() =>
        (from shape in Shapes(minInformants: 0, maxInformants: 7)
         from min in Gen.Choose(1, 6)
         select new InformantMinimum(shape, min)).ToArbitrary();

    public static Arbitrary<RespelledInformant> RespelledInformants() =>
        (from shape in Shapes(minInformants: 2, maxInformants: 2)
         from again in Respelled("Pak Budi Santoso")
         select new RespelledInformant(shape, again)).ToArbitrary();

    public static Arbitrary<HouseholdThreshold> HouseholdThresholds() =>
        (from shape in Shapes(maxHouseholds: 20)
         from threshold in Gen.Choose(2, 15)
         select new HouseholdThreshold(shape, threshold)).ToArbitrary();

    public static Arbitrary<ShapeAndBands> ShapesAndBands() =>
        (from shape in Shapes()
         from bands in Bands
         select new ShapeAndBands(shape, bands)).ToArbitrary();

    public static Arbitrary<PileMove> PileMoves() =>
        (from counts in Gen.ArrayOf(Gen.Choose(2, 9), 4)
         from raw in Gen.ArrayOf(Gen.Choose(1, 9), 4)
         from who in Gen.Choose(0, 3)
         select new PileMove(counts, raw, who)).ToArbitrary();

    public static Arbitrary<CorruptedSorting> CorruptedSortings() =>
        (from shape in Shapes(minInformants: 2, maxInformants: 2)
         from corruption in Gen.Elements(Enum.GetValues<Corruption>())
         from at in Gen.Choose(0, 100)
         select new CorruptedSorting(shape, corruption, at)).ToArbitrary();

    public static Arbitrary<MatchCase> MatchCases() =>
        (from shape in Shapes()
         from entries in Gen.ArrayOf(MaybeEntry(HeldOn), shape.Households)
         from older in Gen.ArrayOf(MaybeEntry(HeldOn.PlusDays(-120)), shape.Households)
         from unranked in Gen.ArrayOf(HouseholdGenerators.RegistryEntryAround(HeldOn), 3)
         from max in Gen.Choose(1, 10)
         select new MatchCase(shape, entries, older, unranked, max)).ToArbitrary();
}
