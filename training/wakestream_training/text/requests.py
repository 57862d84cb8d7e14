"""Assistant-style requests from templates with slot lists (timers, weather, music, lights,
questions, messages, ...), every combination enumerated in a fixed order."""
import functools
import itertools
import re

from ..phonetic.normalize import cardinal

def number_words(n):
    """A number in words ("forty five"), so every engine says numbers the same way."""
    return " ".join(cardinal(n))


SLOTS = {
    "duration": [f"{number_words(n)} {unit}" for n in (2, 3, 5, 10, 15, 20, 25, 30, 45)
                 for unit in ("minutes", "seconds")] + ["one minute", "an hour", "half an hour", "two hours"],
    "time": [f"{number_words(h)}{' ' + number_words(m) if m else ''} {ap}" for h in (6, 7, 8, 9, 10, 11, 12)
             for m in (0, 15, 30, 45) for ap in ("a m", "p m")] + ["noon", "midnight"],
    "day": ["today", "tomorrow", "tonight", "this weekend", "on monday", "on tuesday", "on wednesday",
            "on thursday", "on friday", "on saturday", "on sunday", "next week"],
    "city": ["london", "paris", "new york", "chicago", "berlin", "tokyo", "sydney", "toronto", "madrid",
             "boston", "seattle", "dublin", "rome", "denver", "austin", "miami", "oslo", "lisbon"],
    "artist": ["the beatles", "miles davis", "taylor swift", "bach", "mozart", "queen", "adele",
               "the rolling stones", "nina simone", "daft punk", "coldplay", "beyonce", "elvis"],
    "genre": ["jazz", "rock", "classical music", "country", "hip hop", "blues", "lo fi beats", "reggae",
              "folk music", "some pop", "relaxing music", "the news", "a podcast", "the radio"],
    "room": ["kitchen", "living room", "bedroom", "bathroom", "hallway", "office", "garage", "porch"],
    "device": ["lights", "lamp", "heater", "fan", "air conditioner", "tv", "coffee machine"],
    "color": ["red", "blue", "green", "warm white", "purple", "orange", "yellow"],
    "level": [number_words(n) for n in (10, 20, 30, 40, 50, 60, 70, 80, 90)],
    "contact": ["mom", "dad", "alice", "bob", "sarah", "david", "my wife", "my husband", "emma", "james",
                "the office", "grandma", "chris", "olivia"],
    "message": ["i'm running late", "i'll be home soon", "call me back", "dinner is ready",
                "see you tomorrow", "happy birthday", "where are you", "on my way"],
    "item": ["milk", "eggs", "bread", "coffee", "apples", "rice", "butter", "cheese", "bananas", "tea"],
    "topic": ["the moon", "volcanoes", "the roman empire", "black holes", "penguins", "photosynthesis",
              "the eiffel tower", "electricity", "dinosaurs", "the ocean", "chess", "coffee"],
    "task": ["call the dentist", "take out the trash", "water the plants", "pay the rent", "buy flowers",
             "walk the dog", "check the oven", "book a table"],
}

TEMPLATES = {
    "timer": ["set a timer for {duration}", "start a {duration} timer", "how much time is left on my timer",
              "cancel the timer", "set an alarm for {time}", "wake me up at {time} {day}", "snooze the alarm"],
    "weather": ["what's the weather {day}", "what's the weather like in {city}", "will it rain {day}",
                "how cold is it in {city}", "do i need an umbrella {day}", "what's the temperature outside"],
    "music": ["play {artist}", "play some {genre}", "play {genre} in the {room}", "skip this song",
              "pause the music", "turn the volume up", "turn it down to {level} percent", "who sings this song"],
    "lights": ["turn on the {device} in the {room}", "turn off the {room} {device}", "dim the {room} lights",
               "set the {room} lights to {color}", "set the {room} lights to {level} percent",
               "is the {device} on in the {room}"],
    "question": ["what time is it", "what's the date {day}", "tell me about {topic}", "how far away is {topic}",
                 "who invented {topic}", "how old is {topic}", "what's the capital of {city}", "tell me a joke",
                 "how do you spell {item}", "what is {level} times {level}"],
    "message": ["send a message to {contact} saying {message}", "text {contact} {message}", "call {contact}",
                "read my messages", "tell {contact} {message}", "any new messages from {contact}"],
    "reminder": ["remind me to {task} {day}", "remind me to {task} at {time}", "add {item} to my shopping list",
                 "what's on my calendar {day}", "what's on my shopping list", "remove {item} from the list"],
}


def fill(template):
    """Every filling of a template's slots, in slot-list order."""
    names = re.findall(r"{(\w+)}", template)
    for values in itertools.product(*(SLOTS[n] for n in names)):
        yield template.format(**dict(zip(names, values)))


@functools.lru_cache(maxsize=1)
def request_texts():
    """All requests, deduplicated, in a fixed order."""
    return tuple(dict.fromkeys(text for category in sorted(TEMPLATES) for template in TEMPLATES[category]
                               for text in fill(template)))


@functools.lru_cache(maxsize=1)
def requests_by_category():
    return {category: tuple(dict.fromkeys(t for template in TEMPLATES[category] for t in fill(template)))
            for category in sorted(TEMPLATES)}
