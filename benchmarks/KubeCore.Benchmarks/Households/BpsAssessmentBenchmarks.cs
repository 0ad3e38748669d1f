using BenchmarkDotNet.Attributes;
using KubeCore.Common;
using KubeCore.Households;
using KubeCore.Rules;

namespace KubeCore.Benchmarks.Households;

/// <summary>The BPS 14-criteria assessment (POV-01) over a batch of varied, well-formed household surveys.</summary>
[MemoryDiagnoser]
public class BpsAssessmentBenchmarks
{
    /// <summary>Households assessed per call.</summary>
    public const int Households = 100_000;

    private BpsHouseholdSurvey[] _surveys = null!;
    private BpsAssessment[] _results = null!;
    private BpsPovertyAssessor _assessor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _assessor = new BpsPovertyAssessor(ProgramProfiles.KubePermensos2019);
        _surveys = Surveys(Households, seed: 14);
        _results = new BpsAssessment[Households];
    }

    /// <summary>Varied well-formed surveys (every enum value, sizes and amounts around the thresholds), fixed by <paramref name="seed"/>.</summary>
    public static BpsHouseholdSurvey[] Surveys(int count, int seed)
    {
        var random = new Random(seed);
        T Pick<T>()
            where T : struct, Enum
        {
            var values = Enum.GetValues<T>();
            return values[random.Next(values.Length)];
        }
        var surveys = new BpsHouseholdSurvey[count];
        for (var i = 0; i < count; i++)
        {
            surveys[i] = new BpsHouseholdSurvey
            {
                FloorAreaM2 = random.Next(10, 120),
                HouseholdSize = random.Next(1, 9),
                Floor = Pick<FloorType>(),
                Wall = Pick<WallType>(),
                HasOwnToilet = random.Next(2) == 0,
                HasElectricity = random.Next(4) != 0,
                DrinkingWater = Pick<WaterSource>(),
                CookingFuel = Pick<CookingFuel>(),
                ProteinMealsPerWeek = random.Next(0, 5),
                ClothingSetsPerYear = random.Next(0, 4),
                MealsPerDay = random.Next(1, 4),
                CanAffordPuskesmas = random.Next(2) == 0,
                HeadWork = Pick<Employment>(),
                HeadFarmLandM2 = random.Next(0, 1_500),
                HeadMonthlyIncome = Rupiah.Of(random.Next(200, 2_000) * 1_000L),
                HeadSchooling = Pick<Schooling>(),
                SaleableAssets = Rupiah.Of(random.Next(0, 2_000) * 1_000L),
            };
            if (!surveys[i].IsWellFormed)
            {
                throw new InvalidOperationException($"Survey {i} is not well-formed: fix the generator.");
            }
        }
        return surveys;
    }

    /// <summary>Assesses <see cref="Households"/> households; returns how many are poor.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    public int AssessAll() => _assessor.AssessAll(_surveys, _results);
}
