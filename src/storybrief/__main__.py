from storybrief.cli import main

main()
