using System.Linq.Expressions;
using Ardalis.Specification;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;

namespace KubeCore.Tests.Common;

/// <summary>A list of integers to filter with specifications.</summary>
public sealed record SpecificationInput(int[] Values)
{
    public override string ToString() => "[" + string.Join(", ", Values) + "]";
}

public static class SpecificationArbitraries
{
    public static Arbitrary<SpecificationInput> SpecificationInput() =>
        ArbMap.Default.ArbFor<int[]>().Convert(values => new SpecificationInput(values), input => input.Values);
}

public class SpecificationTests
{
    private sealed class Even : Specification<int>
    {
        public Even() => Query.Where(x => x % 2 == 0);
    }

    private sealed class Positive : Specification<int>
    {
        public Positive() => Query.Where(x => x > 0);
    }

    private sealed class SmallEvenPositive : Specification<int>
    {
        public SmallEvenPositive() => Query.Where(x => x % 2 == 0).Where(x => x > 0).Where(y => y < 100);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(SpecificationArbitraries)])]
    public bool Composed_specifications_agree_in_memory_and_as_queries(SpecificationInput input)
    {
        var values = input.Values;
        var both = new Even().And(new Positive());
        var either = new Even().Or(new Positive());
        var odd = new Even().Not();
        var three = new SmallEvenPositive();
        return both.Evaluate(values).SequenceEqual(values.Where(v => v % 2 == 0 && v > 0))
            && values.AsQueryable().WhereSatisfies(both).SequenceEqual(values.Where(v => v % 2 == 0 && v > 0))
            && either.Evaluate(values).SequenceEqual(values.Where(v => v % 2 == 0 || v > 0))
            && values.AsQueryable().WhereSatisfies(either).SequenceEqual(values.Where(v => v % 2 == 0 || v > 0))
            && values.AsQueryable().WhereSatisfies(odd).SequenceEqual(values.Where(v => v % 2 != 0))
            && values.All(v => odd.IsSatisfiedBy(v) == (v % 2 != 0))
            && values.AsQueryable().WhereSatisfies(three).SequenceEqual(three.Evaluate(values))
            && values.All(v => three.ToExpression().Compile()(v) == three.IsSatisfiedBy(v));
    }

    [Fact]
    public void A_composed_specification_is_one_lambda_over_one_parameter_with_no_invoke_node()
    {
        var composed = new SmallEvenPositive().And(new Positive().Not()).Or(new Even());

        var expression = composed.ToExpression();

        var nodes = NodeCollector.Collect(expression.Body);
        nodes.ShouldNotContain(n => n.NodeType == ExpressionType.Invoke);
        nodes.OfType<ParameterExpression>().Distinct().ShouldBe([expression.Parameters[0]]);
        var query = Enumerable.Range(-5, 12).AsQueryable().WhereSatisfies(composed);
        var where = query.Expression.ShouldBeAssignableTo<MethodCallExpression>()!;
        where.Method.Name.ShouldBe("Where");
        NodeCollector.Collect(where).ShouldNotContain(n => n.NodeType == ExpressionType.Invoke);
        query.ToArray().ShouldBe([-4, -2, 0, 2, 4, 6]);
    }

    [Fact]
    public void A_specification_with_no_criteria_selects_everything_and_one_criterion_is_kept_as_written()
    {
        var everything = new Specification<int>();
        Expression<Func<int, bool>> positive = x => x > 0;
        var one = new Specification<int>();
        one.Query.Where(positive);

        Enumerable.Range(-2, 5).AsQueryable().WhereSatisfies(everything).ToArray().ShouldBe([-2, -1, 0, 1, 2]);
        everything.ToExpression().Compile()(int.MinValue).ShouldBeTrue();
        one.ToExpression().ShouldBeSameAs(positive);
    }

    [Fact]
    public void Query_specifications_with_ordering_or_paging_are_refused_rather_than_silently_reduced_to_their_criteria()
    {
        var ordered = new Specification<int>();
        ordered.Query.Where(x => x > 0).OrderBy(x => x);
        var paged = new Specification<int>();
        paged.Query.Where(x => x > 0).Take(3);

        Should.Throw<ArgumentException>(() => ordered.ToExpression());
        Should.Throw<ArgumentException>(() => Enumerable.Range(0, 3).AsQueryable().WhereSatisfies(paged));
        Should.Throw<ArgumentException>(() => new Positive().And(ordered));
        Should.Throw<ArgumentException>(() => ((ISpecification<int>)null!).Not());
        Should.Throw<ArgumentException>(() => ((IQueryable<int>)null!).WhereSatisfies(new Positive()));
    }

    private sealed class NodeCollector : ExpressionVisitor
    {
        private readonly List<Expression> _nodes = [];

        public static List<Expression> Collect(Expression expression)
        {
            var collector = new NodeCollector();
            collector.Visit(expression);
            return collector._nodes;
        }

        public override Expression? Visit(Expression? node)
        {
            if (node is not null)
            {
                _nodes.Add(node);
            }
            return base.Visit(node);
        }
    }
}
