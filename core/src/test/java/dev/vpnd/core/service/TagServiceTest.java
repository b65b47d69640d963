package dev.vpnd.core.service;

import static dev.vpnd.core.service.CoreFixture.problem;
import static dev.vpnd.core.service.CoreFixture.tags;
import static dev.vpnd.core.service.CoreFixture.vpc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.Tag;
import dev.vpnd.core.port.TagFilter;
import dev.vpnd.core.port.TagStore.TagBinding;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagServiceTest {
    private final CoreFixture core = new CoreFixture();
    private final TagService tagging = core.services.tags();
    private final String first = core.services.vpcs().create(core.scope, "", vpc()).id();
    private final String second = core.services.vpcs().create(core.scope, "", vpc()).id();

    private long revision(String vpcId) {
        return core.services.vpcs().get(core.scope, vpcId).revision();
    }

    @Test
    void tagSetsEachTagReplacingTheValueOfAKeyAndMovesTheRevisionOn() {
        tagging.tag(core.scope, ResourceType.VPC, List.of(first), List.of(new Tag("env", "test"), new Tag("a", "1")));
        tagging.tag(core.scope, ResourceType.VPC, List.of(first), List.of(new Tag("env", "prod")));
        assertThat(core.services.vpcs().get(core.scope, first).tags())
                .containsExactly(new Tag("a", "1"), new Tag("env", "prod"));
        assertThat(revision(first)).isEqualTo(3);
        assertThat(revision(second)).isEqualTo(1);
    }

    @Test
    void tagNeedsEveryResourceInTheCallersScopeAndTagsNoneOtherwise() {
        assertThat(problem(() -> tagging.tag(core.scope, ResourceType.VPC, List.of(first, "no-such-vpc"),
                List.of(new Tag("env", "prod")))))
                .isEqualTo(new Problem.NotFound(ResourceType.VPC, "no-such-vpc"));
        assertThat(core.storedTags(ResourceType.VPC, first)).isEmpty();
        assertThat(revision(first)).isEqualTo(1);

        assertThat(problem(() -> tagging.tag(core.other, ResourceType.VPC, List.of(first), List.of(new Tag("k", "")))))
                .isEqualTo(new Problem.NotFound(ResourceType.VPC, first));
        assertThat(problem(() -> tagging.tag(core.scope, ResourceType.VPN_GATEWAY, List.of(first),
                List.of(new Tag("k", ""))))).isEqualTo(new Problem.NotFound(ResourceType.VPN_GATEWAY, first));
        assertThat(problem(() -> tagging.tag(core.scope, ResourceType.ACCOUNT, List.of(core.account.id()),
                List.of(new Tag("k", ""))))).isEqualTo(new Problem.NotFound(ResourceType.ACCOUNT, core.account.id()));
    }

    @Test
    void aResourceCarriesAtMostTwentyTagsCountingThoseItHas() {
        tagging.tag(core.scope, ResourceType.VPC, List.of(first), tags(Tags.MAX_PER_RESOURCE - 1));
        // A key it already has replaces, so it still fits.
        tagging.tag(core.scope, ResourceType.VPC, List.of(first), List.of(new Tag("k0", "new"), new Tag("x", "")));
        assertThat(core.storedTags(ResourceType.VPC, first)).hasSize(Tags.MAX_PER_RESOURCE);
        assertThat(problem(() -> tagging.tag(core.scope, ResourceType.VPC, List.of(second, first),
                List.of(new Tag("one-more", "")))))
                .isEqualTo(new Problem.LimitExceeded(ResourceType.VPC, "tags", Tags.MAX_PER_RESOURCE));
        assertThat(core.storedTags(ResourceType.VPC, second)).as("all or nothing").isEmpty();
    }

    @Test
    void tagRefusesAControlCharacterInAKeyOrValue() {
        assertThat(problem(() -> tagging.tag(core.scope, ResourceType.VPC, List.of(first),
                List.of(new Tag("k\n", "v"))))).extracting(p -> ((Problem.InvalidValue) p).field())
                .isEqualTo(Field.TAG_KEY);
        assertThat(problem(() -> tagging.tag(core.scope, ResourceType.VPC, List.of(first),
                List.of(new Tag("k", "\u0000"))))).extracting(p -> ((Problem.InvalidValue) p).field())
                .isEqualTo(Field.TAG_VALUE);
        assertThat(core.storedTags(ResourceType.VPC, first)).isEmpty();
    }

    @Test
    void untagRemovesTheKeysOrAllAndMovesTheRevisionOn() {
        tagging.tag(core.scope, ResourceType.VPC, List.of(first, second), List.of(new Tag("a", "1"),
                new Tag("b", "2")));
        tagging.untag(core.scope, ResourceType.VPC, List.of(first), List.of("a", "absent"), false);
        assertThat(core.storedTags(ResourceType.VPC, first)).containsExactly(new Tag("b", "2"));
        tagging.untag(core.scope, ResourceType.VPC, List.of(second), List.of(), true);
        assertThat(core.storedTags(ResourceType.VPC, second)).isEmpty();
        assertThat(revision(first)).isEqualTo(3);
        assertThat(revision(second)).isEqualTo(3);

        assertThat(problem(() -> tagging.untag(core.scope, ResourceType.VPC, List.of("no-such-vpc"), List.of(),
                true))).isEqualTo(new Problem.NotFound(ResourceType.VPC, "no-such-vpc"));
    }

    @Test
    void listShowsTheBindingsOfTheMatchingResourcesNewestFirst() {
        tagging.tag(core.scope, ResourceType.VPC, List.of(first), List.of(new Tag("env", "prod"), new Tag("a", "")));
        tagging.tag(core.scope, ResourceType.VPC, List.of(second), List.of(new Tag("env", "test")));
        assertThat(tagging.list(core.scope, ResourceType.VPC, List.of(), List.of(), 0, 10)).containsExactly(
                new TagBinding(second, new Tag("env", "test")), new TagBinding(first, new Tag("a", "")),
                new TagBinding(first, new Tag("env", "prod")));
        assertThat(tagging.list(core.scope, ResourceType.VPC, List.of(), List.of(new TagFilter("env", "prod")), 0,
                10)).extracting(TagBinding::resourceId).containsOnly(first);
        assertThat(tagging.list(core.scope, ResourceType.VPC, List.of(second), List.of(), 0, 10))
                .extracting(TagBinding::resourceId).containsOnly(second);
        assertThat(tagging.list(core.scope, ResourceType.VPC, List.of(), List.of(), 1, 1))
                .containsExactly(new TagBinding(first, new Tag("a", "")));
        assertThat(tagging.list(core.other, ResourceType.VPC, List.of(), List.of(), 0, 10)).isEmpty();
    }
}
