"""A short Chinese story and its English translation, for alignment tests.

The third Chinese sentence is translated by two English ones, so a correct alignment has
one 1-2 link among 1-1 links (``STORY_BEADS``).
"""

STORY_ZH = ["今天早上下雨了。", "我带着一把红色的雨伞去了学校。",
            "老师在课堂上讲了一个关于月亮的故事，学生们都听得很认真。",
            "下课以后，我和朋友一起吃了午饭。", "我们吃了米饭和鱼。"]
STORY_EN = ["It rained this morning.", "I took a red umbrella to school.",
            "In class the teacher told a story about the moon.",
            "The students all listened very carefully.",
            "After class, my friend and I had lunch together.", "We ate rice and fish."]
STORY_BEADS = [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,))]
